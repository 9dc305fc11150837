import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AnalyticsReport } from '../../api/contracts';

/** Searches, users and guests per day. */
export function TrendsChart({ days }: { days: AnalyticsReport<'trends'>['days'] }) {
  return (
    <div className="h-64 w-full" role="img" aria-label="Searches per day">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(5)} fontSize={12} minTickGap={16} />
          <YAxis allowDecimals={false} fontSize={12} />
          <Tooltip />
          <Legend />
          <Line type="monotone" dataKey="searches" name="Searches" stroke="#4f46e5" dot={false} />
          <Line type="monotone" dataKey="users" name="Users" stroke="#059669" dot={false} />
          <Line type="monotone" dataKey="guests" name="Guests" stroke="#d97706" dot={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
