import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { Button, ButtonLink } from '../../components/button';
import { TextArea, TextField } from '../../components/field';
import { InlineError, Loading } from '../../components/states';
import { isInstructor, meKey, useMe } from '../auth/use-me';
import { BoroughPicker } from './borough-picker';
import { missingForOnboarding } from './onboarding-checks';

/** Become an instructor: the role first, then the profile students will read. */
export default function OnboardingPage() {
  const { data: me } = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [bio, setBio] = useState('');
  const [years, setYears] = useState('1');
  const [areas, setAreas] = useState<string[]>([]);
  // Hints show beside their fields once Continue was pressed; until then a line says what is left.
  const [tried, setTried] = useState(false);
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
  const missing = missingForOnboarding({ bio, years, areas });
  const left = Object.values(missing);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (left.length) {
      setTried(true);
      const first = e.currentTarget.querySelector<HTMLElement>(
        missing.bio ? 'textarea' : missing.years ? 'input[type=number]' : 'input[type=checkbox]',
      );
      first?.focus();
      return;
    }
    start.mutate();
  };
  const hint = (k: keyof typeof missing) => (tried ? missing[k] : undefined);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Become an instructor</h1>
        <p className="text-slate-600">
          Tell students who you are and where you teach. Next you add the services you teach with your rates,
          then your weekly hours.
        </p>
      </div>
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextArea
          label="About you"
          rows={5}
          required
          maxLength={2000}
          value={bio}
          error={hint('bio')}
          onChange={(e) => setBio(e.target.value)}
        />
        <TextField
          label="Years of teaching experience"
          type="number"
          min={0}
          max={80}
          required
          value={years}
          error={hint('years')}
          onChange={(e) => setYears(e.target.value)}
        />
        <BoroughPicker value={areas} onChange={setAreas} error={hint('areas')} />
        <InlineError error={start.error} />
        <Button type="submit" disabled={start.isPending}>
          {start.isPending ? 'Setting you up…' : 'Continue to services and rates'}
        </Button>
        <p aria-live="polite" className="text-sm text-slate-600">
          {left.length > 0 &&
            `To continue: ${left.map((m) => m.replace(/\.$/, '').toLowerCase()).join('; ')}.`}
        </p>
      </form>
    </div>
  );
}
