import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { Button, ButtonLink } from '../../components/button';
import { TextArea, TextField } from '../../components/field';
import { InlineError, Loading } from '../../components/states';
import { isInstructor, meKey, useMe } from '../auth/use-me';
import { BoroughPicker } from './borough-picker';

/** Become an instructor: the role first, then the profile students will read. */
export default function OnboardingPage() {
  const { data: me } = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [bio, setBio] = useState('');
  const [years, setYears] = useState('1');
  const [areas, setAreas] = useState<string[]>([]);
  const start = useMutation({
    mutationFn: async () => {
      if (!isInstructor(me)) await api('/instructors/me/become', { method: 'POST' });
      await api('/instructors/me', { method: 'PUT', body: { bio, yearsExperience: Number(years), areas } });
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: meKey });
      await qc.invalidateQueries({ queryKey: ['instructor-me'] });
      void navigate('/teach/profile');
    },
  });
  if (!me) return <Loading rows={2} />;
  if (isInstructor(me)) {
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-2xl font-bold">You already teach on InstaInstru</h1>
        <ButtonLink to="/teach">Go to your dashboard</ButtonLink>
      </div>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate();
  };
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Become an instructor</h1>
        <p className="text-slate-600">
          Tell students who you are and where you teach. Next you add the services you teach with your rates,
          then your weekly hours.
        </p>
      </div>
      <form onSubmit={submit} className="space-y-4">
        <TextArea
          label="About you"
          rows={5}
          required
          maxLength={2000}
          value={bio}
          onChange={(e) => setBio(e.target.value)}
        />
        <TextField
          label="Years of teaching experience"
          type="number"
          min={0}
          max={80}
          required
          value={years}
          onChange={(e) => setYears(e.target.value)}
        />
        <BoroughPicker value={areas} onChange={setAreas} />
        <InlineError error={start.error} />
        <Button type="submit" disabled={start.isPending || !bio.trim() || !areas.length}>
          {start.isPending ? 'Setting you up…' : 'Continue to services and rates'}
        </Button>
      </form>
    </div>
  );
}
