import * as foundation from './2026112201_foundation';
import * as caseBlocks from './2026112301_case_blocks';
import * as calendar2026 from './2026112302_calendar_2026';
import * as billing from './2026112303_billing';
import * as hub from './20261124_5_hub';
import * as networkLineTests from './20261124_21_network_line_tests';
import * as inventory from './20261124_10_inventory';
import * as settlementWait from './20261124_11_settlement_wait';
import * as cancellation from './20261124_301_cancellation';
import * as complaint from './20261125_7_complaint';
import * as notificationDeliveries from './20261126_13_notification_deliveries';

/** Every migration, in order. Add new ones here; never edit one that has shipped. */
export const migrations = {
  '2026112201_foundation': foundation,
  '2026112301_case_blocks': caseBlocks,
  '2026112302_calendar_2026': calendar2026,
  '2026112303_billing': billing,
  '20261124_10_inventory': inventory,
  '20261124_11_settlement_wait': settlementWait,
  '20261124_21_network_line_tests': networkLineTests,
  '20261124_5_hub': hub,
  '20261124_301_cancellation': cancellation,
  '20261125_7_complaint': complaint,
  '20261126_13_notification_deliveries': notificationDeliveries,
};
