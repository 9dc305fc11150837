// The admin actions the audit log records, with the words admins read. Plain data with no imports
// (the web app's filter uses it); a new admin action adds its name here.
export const AUDIT_ACTION_LABEL = {
  'user.status_change': 'Status changed',
  'user.permission_grant': 'Permission granted',
  'user.permission_revoke': 'Permission revoked',
  'privacy.export': 'Data exported',
  'privacy.delete': 'Account deleted',
  'message.hide': 'Message hidden',
  'review.hide': 'Review hidden',
  'analytics.csv_export': 'Analytics CSV downloaded',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABEL;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABEL) as [AuditAction, ...AuditAction[]];
