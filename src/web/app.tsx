import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { Layout } from './components/layout';
import { RequireSignIn } from './features/auth/require-sign-in';
import HomePage from './features/home/home-page';

// Each page is its own chunk; only the home page ships in the first download.
const AllServicesPage = lazy(() => import('./features/catalog/all-services-page'));
const SearchPage = lazy(() => import('./features/search/search-page'));
const ProfilePage = lazy(() => import('./features/instructors/profile-page'));
const BookingPage = lazy(() => import('./features/booking/booking-page'));
const ConfirmationPage = lazy(() => import('./features/booking/confirmation-page'));
const LoginPage = lazy(() => import('./features/auth/login-page'));
const SignupPage = lazy(() => import('./features/auth/signup-page'));
const ResetPasswordPage = lazy(() => import('./features/auth/reset-password-page'));
const MyLessonsPage = lazy(() => import('./features/lessons/my-lessons-page'));
const LessonPage = lazy(() => import('./features/lessons/lesson-page'));
const ReschedulePage = lazy(() => import('./features/lessons/reschedule-page'));
const AccountPage = lazy(() => import('./features/account/account-page'));
const OnboardingPage = lazy(() => import('./features/dashboard/onboarding-page'));
const DashboardPage = lazy(() => import('./features/dashboard/dashboard-page'));
const ProfileEditorPage = lazy(() => import('./features/dashboard/profile-editor-page'));
const AvailabilityEditorPage = lazy(() => import('./features/availability-editor/availability-editor-page'));
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
      { index: true, element: <HomePage /> },
      { path: 'services', element: <AllServicesPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'instructors/:id', element: <ProfilePage /> },
      { path: 'book/:instructorId/:offeringId', element: <BookingPage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'signup', element: <SignupPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'reset-password/:token', element: <ResetPasswordPage /> },
      {
        element: <RequireSignIn />,
        children: [
          { path: 'lessons', element: <MyLessonsPage /> },
          { path: 'lessons/:id', element: <LessonPage /> },
          { path: 'lessons/:id/confirmed', element: <ConfirmationPage /> },
          { path: 'lessons/:id/reschedule', element: <ReschedulePage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'teach/start', element: <OnboardingPage /> },
          { path: 'teach', element: <DashboardPage /> },
          { path: 'teach/profile', element: <ProfileEditorPage /> },
          { path: 'teach/availability', element: <AvailabilityEditorPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
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
