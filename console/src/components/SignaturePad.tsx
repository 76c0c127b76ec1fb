/**
 * The customer's own signature (never typed for them): an rjsf widget for a
 * signature's `reference`. The customer draws on the technician's screen and
 * the reference names that drawing (`PAD-` and a fingerprint of its PNG);
 * a signature on the paper form is referred to by typing its number instead.
 * The drawing itself is not sent: the contract carries only the reference.
 */
import { Button, Input, Space } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n';

const WIDTH = 360;
const HEIGHT = 120;

/** A 53-bit fingerprint of a string (cyrb53): no Web Crypto, which plain-HTTP pages lack. */
function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

export function SignaturePad({ id, value, onChange, disabled, readonly }: WidgetProps) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  /** The reference of what is drawn on the pad, if anything. */
  const drawn = useRef<string>(undefined);

  // Cleared, or a paper form's reference typed: the pad no longer holds the signature.
  useEffect(() => {
    if (value === drawn.current) return;
    drawn.current = undefined;
    canvas.current?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
  }, [value]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - r.left) * WIDTH) / r.width, ((e.clientY - r.top) * HEIGHT) / r.height] as const;
  };
  const locked = disabled || readonly;

  return (
    <Space direction="vertical">
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        className="signature-pad"
        data-signed={value && value === drawn.current ? 'yes' : 'no'}
        onPointerDown={(e) => {
          if (locked) return;
          drawing.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          const ctx = e.currentTarget.getContext('2d')!;
          ctx.lineWidth = 2;
          ctx.lineCap = 'round';
          ctx.beginPath();
          ctx.moveTo(...point(e));
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = e.currentTarget.getContext('2d')!;
          ctx.lineTo(...point(e));
          ctx.stroke();
        }}
        onPointerUp={(e) => {
          if (!drawing.current) return;
          drawing.current = false;
          drawn.current = `PAD-${fingerprint(e.currentTarget.toDataURL('image/png'))}`;
          onChange(drawn.current);
        }}
      />
      <Space>
        <Input
          id={id}
          size="small"
          className="signature-reference"
          value={value ?? ''}
          disabled={locked}
          placeholder={t('signature.paper')}
          onChange={(e) => onChange(e.target.value || undefined)}
        />
        <Button size="small" disabled={locked || !value} onClick={() => onChange(undefined)}>
          {t('signature.clear')}
        </Button>
      </Space>
    </Space>
  );
}
