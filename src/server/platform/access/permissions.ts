/**
 * Permissions and role grants as data (PRODUCT §1). Seeded idempotently at start;
 * routes name the permission they need, never a role.
 */
export const PERMISSIONS = {
  shared: {
    manage_own_profile: 'Edit your own name, time zone and profile',
    view_own_bookings: 'See your own lessons',
    view_own_search_history: 'See and delete your recent searches',
    change_own_password: 'Change your own password',
    delete_own_account: 'Export or delete your own data',
  },
  student: {
    view_instructors: 'Browse instructor profiles',
    view_instructor_availability: 'See instructors’ bookable times',
    create_bookings: 'Book lessons',
    cancel_own_bookings: 'Cancel or reschedule your own lessons',
    view_booking_details: 'See details of lessons you take part in',
  },
  instructor: {
    manage_instructor_profile: 'Edit your instructor profile',
    manage_services: 'Add, price and retire the services you teach',
    manage_availability: 'Edit your weekly availability and blackout dates',
    view_incoming_bookings: 'See lessons students booked with you',
    complete_bookings: 'Mark your lessons completed or no-show',
    cancel_student_bookings: 'Cancel lessons students booked with you',
    view_own_instructor_analytics: 'See your teaching stats and earnings',
    suspend_own_instructor_account: 'Suspend, deactivate or reactivate your instructor account',
  },
  admin: {
    view_all_users: 'List and inspect every account',
    manage_users: 'Change any account’s status',
    view_system_analytics: 'See search analytics',
    export_analytics: 'Download analytics as CSV',
    view_all_bookings: 'See every booking',
    manage_all_bookings: 'Change any booking',
    access_monitoring: 'See database, Redis and job queue dashboards',
    moderate_content: 'Read conversations and remove content',
    view_financials: 'See prices, fees and earnings platform-wide',
    manage_financials: 'Change financial settings',
    manage_roles: 'Grant and remove roles',
    manage_permissions: 'Grant and revoke per-user permissions',
  },
} as const;

type Groups = typeof PERMISSIONS;
export type PermissionName = { [G in keyof Groups]: keyof Groups[G] }[keyof Groups] & string;
export type RoleName = 'student' | 'instructor' | 'admin';

const names = <G extends keyof Groups>(g: G) => Object.keys(PERMISSIONS[g]) as PermissionName[];

export const ALL_PERMISSIONS: { name: PermissionName; scope: keyof Groups; description: string }[] = (
  Object.keys(PERMISSIONS) as (keyof Groups)[]
).flatMap((scope) =>
  Object.entries(PERMISSIONS[scope]).map(([name, description]) => ({
    name: name as PermissionName,
    scope,
    description,
  })),
);

export const ROLES: Record<RoleName, { description: string; permissions: PermissionName[] }> = {
  student: { description: 'Finds and books lessons', permissions: [...names('shared'), ...names('student')] },
  instructor: {
    description: 'Teaches lessons',
    permissions: [...names('shared'), ...names('instructor')],
  },
  admin: { description: 'Runs the platform', permissions: ALL_PERMISSIONS.map((p) => p.name) },
};

export const isPermissionName = (s: string): s is PermissionName => ALL_PERMISSIONS.some((p) => p.name === s);
