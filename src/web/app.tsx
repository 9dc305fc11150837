import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { Layout } from './components/layout';
import { RouteError } from './components/route-error';
import { RequireAccess } from './features/auth/require-access';
import { RequireSignIn } from './features/auth/require-sign-in';
import HomePage from './features/home/home-page';

// Each page is its own chunk; only the home page ships in the first download.
const AllServicesPage = lazy(() => import('./features/catalog/all-services-page'));
const ServicePage = lazy(() => import('./features/catalog/service-page'));
const SearchPage = lazy(() => import('./features/search/search-page'));
const ProfilePage = lazy(() => import('./features/instructors/profile-page'));
const BookingPage = lazy(() => import('./features/booking/booking-page'));
const ConfirmationPage = lazy(() => import('./features/booking/confirmation-page'));
const LoginPage = lazy(() => import('./features/auth/login-page'));
const SignupPage = lazy(() => import('./features/auth/signup-page'));
const ResetPasswordPage = lazy(() => import('./features/auth/reset-password-page'));
const VerifyEmailPage = lazy(() => import('./features/auth/verify-email-page'));
const MyLessonsPage = lazy(() => import('./features/lessons/my-lessons-page'));
const LessonPage = lazy(() => import('./features/lessons/lesson-page'));
const ReschedulePage = lazy(() => import('./features/lessons/reschedule-page'));
const MessagesPage = lazy(() => import('./features/messages/messages-page'));
const AccountPage = lazy(() => import('./features/account/account-page'));
const UnsubscribePage = lazy(() => import('./features/account/unsubscribe-page'));
const OnboardingPage = lazy(() => import('./features/dashboard/onboarding-page'));
const DashboardPage = lazy(() => import('./features/dashboard/dashboard-page'));
const SchedulePage = lazy(() => import('./features/dashboard/schedule-page'));
const ProfileEditorPage = lazy(() => import('./features/dashboard/profile-editor-page'));
const AvailabilityEditorPage = lazy(() => import('./features/availability-editor/availability-editor-page'));
const AdminUsersPage = lazy(() => import('./features/admin/admin-users-page'));
const AdminUserPage = lazy(() => import('./features/admin/admin-user-page'));
const AdminAnalyticsPage = lazy(() => import('./features/admin-analytics/admin-analytics-page'));
const AuditLogPage = lazy(() => import('./features/admin-audit/audit-log-page'));
const OperationsPage = lazy(() => import('./features/operations/operations-page'));
const NotFoundPage = lazy(() => import('./features/not-found-page'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again.
      retry: (count, e) => !(e instanceof ApiError && e.status < 500) && count < 2,
    },
  },
});

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      {
        // A page that fails shows an error inside the layout, header and all.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'services', element: <AllServicesPage />, handle: { title: 'All services' } },
          {
            path: 'services/:slug',
            element: <ServicePage />,
            handle: { title: 'Service', ownTitle: true },
          },
          {
            path: 'search',
            element: <SearchPage />,
            handle: { title: (q: URLSearchParams) => (q.get('q') ? `“${q.get('q')}”` : 'Search') },
          },
          {
            path: 'instructors/:id',
            element: <ProfilePage />,
            handle: { title: 'Instructor', ownTitle: true },
          },
          {
            path: 'book/:instructorId/:offeringId',
            element: <BookingPage />,
            handle: {
              title: (q: URLSearchParams) =>
                q.get('step') === 'review' ? 'Review and confirm' : 'Choose a time',
            },
          },
          { path: 'login', element: <LoginPage />, handle: { title: 'Log in' } },
          { path: 'signup', element: <SignupPage />, handle: { title: 'Sign up' } },
          {
            path: 'reset-password',
            element: <ResetPasswordPage />,
            handle: { title: 'Reset your password' },
          },
          {
            path: 'reset-password/:token',
            element: <ResetPasswordPage />,
            handle: { title: 'Reset your password' },
          },
          { path: 'unsubscribe/:token', element: <UnsubscribePage />, handle: { title: 'Unsubscribe' } },
          { path: 'verify-email', element: <VerifyEmailPage />, handle: { title: 'Verify your email' } },
          {
            element: <RequireSignIn />,
            children: [
              { path: 'lessons', element: <MyLessonsPage />, handle: { title: 'My lessons' } },
              { path: 'lessons/:id', element: <LessonPage />, handle: { title: 'Lesson' } },
              { path: 'lessons/:id/confirmed', element: <ConfirmationPage />, handle: { title: 'Booked' } },
              {
                path: 'lessons/:id/reschedule',
                element: <ReschedulePage />,
                handle: { title: 'Reschedule' },
              },
              { path: 'messages', element: <MessagesPage />, handle: { title: 'Messages' } },
              {
                path: 'messages/:conversationId',
                element: <MessagesPage />,
                handle: { title: 'Messages' },
              },
              { path: 'account', element: <AccountPage />, handle: { title: 'Your account' } },
              { path: 'teach/start', element: <OnboardingPage />, handle: { title: 'Become an instructor' } },
              {
                // Someone who does not teach yet is led to become an instructor.
                element: <RequireAccess need={{ role: 'instructor', otherwise: '/teach/start' }} />,
                children: [
                  { path: 'teach', element: <DashboardPage />, handle: { title: 'Teaching dashboard' } },
                  { path: 'teach/schedule', element: <SchedulePage />, handle: { title: 'Schedule' } },
                  {
                    path: 'teach/profile',
                    element: <ProfileEditorPage />,
                    handle: { title: 'Profile and services' },
                  },
                  {
                    path: 'teach/availability',
                    element: <AvailabilityEditorPage />,
                    handle: { title: 'Availability' },
                  },
                ],
              },
              {
                element: <RequireAccess need={{ permission: 'view_all_users' }} />,
                children: [
                  { path: 'admin/users', element: <AdminUsersPage />, handle: { title: 'Users' } },
                  { path: 'admin/users/:id', element: <AdminUserPage />, handle: { title: 'User' } },
                ],
              },
              {
                element: <RequireAccess need={{ permission: 'view_system_analytics' }} />,
                children: [
                  {
                    path: 'admin/analytics',
                    element: <AdminAnalyticsPage />,
                    handle: { title: 'Search analytics' },
                  },
                ],
              },
              {
                element: <RequireAccess need={{ permission: 'access_monitoring' }} />,
                children: [
                  { path: 'admin/operations', element: <OperationsPage />, handle: { title: 'Operations' } },
                ],
              },
              {
                element: <RequireAccess need={{ permission: 'view_audit_log' }} />,
                children: [
                  { path: 'admin/audit-log', element: <AuditLogPage />, handle: { title: 'Audit log' } },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage />, handle: { title: 'Page not found' } },
        ],
      },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
