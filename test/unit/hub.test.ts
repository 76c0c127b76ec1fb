import { describe, expect, it } from 'vitest';
import { checkCallback, formatHubQuery, hubEventType, isPublished, listenerPath, parseHubQuery, queryMatches, retryDelayMs } from '../../src/domain/hub';

describe('which timeline entries other systems hear of', () => {
  it('maps case, task and clock entries to the event of the case kind', () => {
    expect(hubEventType('case_created', 'order')).toBe('OrderCreateEvent');
    expect(hubEventType('case_created', 'complaint')).toBe('ComplaintCreateEvent');
    expect(hubEventType('state_changed', 'order')).toBe('OrderStateChangeEvent');
    expect(hubEventType('state_changed', 'complaint')).toBe('ComplaintStatusChangeEvent');
    expect(hubEventType('task_created', 'complaint')).toBe('TaskCreateEvent');
    expect(hubEventType('task_completed', 'order')).toBe('TaskCompleteEvent');
    expect(hubEventType('sla_jeopardy', 'order')).toBe('SlaJeopardyEvent');
    expect(hubEventType('sla_breached', 'complaint')).toBe('SlaBreachEvent');
  });

  it('keeps inbox moves, notices and recorded facts to the timeline', () => {
    for (const kind of ['task_claimed', 'task_released', 'task_escalated', 'task_cancelled', 'notification_sent', 'case_updated', 'toString']) {
      expect(isPublished(kind), kind).toBe(false);
      expect(hubEventType(kind, 'order')).toBeUndefined();
    }
  });

  it('posts to the TMF listener named after the event', () => {
    expect(listenerPath('OrderStateChangeEvent')).toBe('/listener/orderStateChangeEvent');
    expect(listenerPath('SlaBreachEvent')).toBe('/listener/slaBreachEvent');
  });
});

describe('the subscriber query', () => {
  it('reads event types and case types, TMF style, and formats them back in a fixed order', () => {
    const parsed = parseHubQuery(' caseType = refund, new_install & eventType=OrderStateChangeEvent,TaskCreateEvent ');
    expect(parsed).toEqual({ query: { caseTypes: ['refund', 'new_install'], eventTypes: ['OrderStateChangeEvent', 'TaskCreateEvent'] } });
    if ('query' in parsed) expect(formatHubQuery(parsed.query)).toBe('eventType=OrderStateChangeEvent,TaskCreateEvent&caseType=refund,new_install');
  });

  it('is every event when empty', () => {
    expect(parseHubQuery('')).toEqual({ query: {} });
    expect(parseHubQuery('  ')).toEqual({ query: {} });
    expect(formatHubQuery({})).toBeNull();
  });

  it('drops repeated values', () => {
    expect(parseHubQuery('caseType=refund,refund')).toEqual({ query: { caseTypes: ['refund'] } });
  });

  it('refuses unknown keys and values, repeated keys and empty values', () => {
    const problems = (q: string) => ('problems' in parseHubQuery(q) ? (parseHubQuery(q) as { problems: string[] }).problems : []);
    expect(problems('state=completed')[0]).toMatch(/"state" is not a query key/);
    expect(problems('eventType=OrderDeleteEvent')[0]).toMatch(/OrderDeleteEvent not known/);
    expect(problems('caseType=refund&caseType=complaint')[0]).toMatch(/given twice/);
    expect(problems('caseType=')[0]).toMatch(/needs one or more values/);
    expect(problems('caseType=refund,')[0]).toMatch(/needs one or more values/);
    expect(problems('eventType')[0]).toMatch(/needs one or more values/);
    expect(problems('caseType=refund&')[0]).toMatch(/"" is not a query key/);
  });

  it('matches on both lists, each absent list matching everything', () => {
    const event = { eventType: 'TaskCreateEvent' as const, caseType: 'refund' };
    expect(queryMatches({}, event)).toBe(true);
    expect(queryMatches({ eventTypes: ['TaskCreateEvent'] }, event)).toBe(true);
    expect(queryMatches({ eventTypes: ['TaskCompleteEvent'] }, event)).toBe(false);
    expect(queryMatches({ caseTypes: ['refund'], eventTypes: ['TaskCreateEvent'] }, event)).toBe(true);
    expect(queryMatches({ caseTypes: ['complaint'] }, event)).toBe(false);
  });
});

describe('the callback', () => {
  it('takes http and https URLs, without trailing slashes', () => {
    expect(checkCallback('https://bss.example/hooks/')).toEqual({ callback: 'https://bss.example/hooks' });
    expect(checkCallback('http://127.0.0.1:8080')).toEqual({ callback: 'http://127.0.0.1:8080' });
  });

  it('refuses other schemes, credentials, queries, fragments, relative and overlong URLs', () => {
    const problem = (url: string) => ('problems' in checkCallback(url) ? (checkCallback(url) as { problems: string[] }).problems.join('; ') : '');
    expect(problem('ftp://bss.example/x')).toMatch(/must be http or https, not ftp/);
    expect(problem('javascript:alert(1)')).toMatch(/must be http or https/);
    expect(problem('https://user:pw@bss.example/x')).toMatch(/credentials/);
    expect(problem('https://token@bss.example/x')).toMatch(/credentials/);
    expect(problem('https://bss.example/x?token=1')).toMatch(/query string/);
    expect(problem('https://bss.example/x?')).toMatch(/query string/);
    expect(problem('https://bss.example/x#frag')).toMatch(/fragment/);
    expect(problem('/listener')).toMatch(/not an absolute URL/);
    expect(problem(`https://bss.example/${'a'.repeat(2000)}`)).toMatch(/longer than 2000/);
  });
});

describe('the retry schedule', () => {
  const schedule = { baseMs: 1000, maxMs: 60_000 };

  it('doubles from the base up to the cap, half of each step fixed and half jitter', () => {
    expect(retryDelayMs(1, schedule, 0)).toBe(500);
    expect(retryDelayMs(1, schedule, 0.999999)).toBe(1000);
    expect(retryDelayMs(2, schedule, 0)).toBe(1000);
    expect(retryDelayMs(3, schedule, 0.5)).toBe(3000);
    expect(retryDelayMs(7, schedule, 0)).toBe(30_000);
    expect(retryDelayMs(8, schedule, 0)).toBe(30_000);
    expect(retryDelayMs(1000, schedule, 1)).toBe(60_000);
  });
});
