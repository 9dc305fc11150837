// Every permission there is, by role group, with the sentence admins see (PRODUCT §1). The names
// are what /auth/me lists and routes require; the web app shows or hides by them. Plain data with
// no imports, shared by the server (which seeds it, platform/access) and the web app.
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
    view_audit_log: 'See the log of every admin action',
  },
} as const;

type Groups = typeof PERMISSIONS;
export type PermissionName = { [G in keyof Groups]: keyof Groups[G] }[keyof Groups] & string;

export const PERMISSION_NAMES = Object.values(PERMISSIONS).flatMap((g) => Object.keys(g)) as [
  PermissionName,
  ...PermissionName[],
];
