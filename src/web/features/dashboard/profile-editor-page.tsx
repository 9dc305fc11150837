import { Check } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { LanguageCode, Offering, OwnInstructorProfile } from '../../api/contracts';
import { BOOKING_SETTINGS, LANGUAGES, MAX_LANGUAGES } from '../../api/contracts';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { SelectField, TextArea, TextField } from '../../components/field';
import { EmptyState, ErrorState, InlineError, Loading } from '../../components/states';
import { formatMoney } from '../../lib/format';
import { useCatalogAll } from '../catalog/catalog-queries';
import { BoroughPicker } from './borough-picker';
import { useMyProfile, useOfferingEdits, useOwnStatus, useUpdateProfile } from './dashboard-queries';
import { SearchableChecklist } from './searchable-checklist';
import { OfferingForm } from './offering-form';
import { PhotoEditor } from './photo-editor';

export default function ProfileEditorPage() {
  const profile = useMyProfile();
  // Held here: a save refetches the profile and remounts the form, and "Saved" must outlive that.
  const save = useUpdateProfile();
  return (
    <div className="mx-auto max-w-3xl space-y-10">
      <div>
        <p className="text-sm">
          <Link to="/teach" className="text-indigo-700 hover:underline">
            ← Dashboard
          </Link>
        </p>
        <h1 className="text-2xl font-bold">Profile and services</h1>
      </div>
      {profile.isPending ? (
        <Loading rows={4} />
      ) : profile.isError ? (
        <ErrorState error={profile.error} retry={() => void profile.refetch()} />
      ) : (
        <>
          <SearchableChecklist profile={profile.data} />
          <PhotoEditor profile={profile.data} />
          <ProfileForm key={profile.dataUpdatedAt} profile={profile.data} save={save} />
          <Services profile={profile.data} />
          <AccountStatusSection profile={profile.data} />
        </>
      )}
    </div>
  );
}

function ProfileForm({
  profile,
  save,
}: {
  profile: OwnInstructorProfile;
  save: ReturnType<typeof useUpdateProfile>;
}) {
  const [bio, setBio] = useState(profile.bio);
  const [years, setYears] = useState(String(profile.yearsExperience));
  const [areas, setAreas] = useState(() => [
    ...new Set(profile.areas.map((a) => a.neighborhoodSlug ?? a.boroughSlug)),
  ]);
  // Neighbourhood slugs are kept as they are; the checkboxes edit whole boroughs.
  const boroughs = areas.filter((a) => !profile.areas.some((p) => p.neighborhoodSlug === a));
  const neighbourhoods = areas.filter((a) => !boroughs.includes(a));
  const [notice, setNotice] = useState(String(profile.minAdvanceHours));
  const [buffer, setBuffer] = useState(String(profile.bufferMinutes));
  const [ahead, setAhead] = useState(String(profile.maxDaysAhead));
  const [languages, setLanguages] = useState<LanguageCode[]>(profile.languages.map((l) => l.code));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      bio,
      yearsExperience: Number(years),
      areas,
      minAdvanceHours: Number(notice),
      bufferMinutes: Number(buffer),
      maxDaysAhead: Number(ahead),
      languages,
    });
  };
  const { minAdvanceHours: n, bufferMinutes: b, maxDaysAhead: d } = BOOKING_SETTINGS;
  const full = languages.length >= MAX_LANGUAGES;
  return (
    <section aria-labelledby="profile-heading" className="space-y-4">
      <h2 id="profile-heading" className="text-lg font-semibold">
        About you
      </h2>
      <form onSubmit={submit} className="space-y-4">
        <TextArea
          label="Bio"
          rows={5}
          maxLength={2000}
          value={bio}
          onChange={(e) => setBio(e.target.value)}
        />
        <TextField
          label="Years of teaching experience"
          type="number"
          min={0}
          max={80}
          value={years}
          onChange={(e) => setYears(e.target.value)}
        />
        <BoroughPicker value={boroughs} onChange={(b) => setAreas([...b, ...neighbourhoods])} />
        {neighbourhoods.length > 0 && (
          <p className="text-xs text-slate-500">
            Also:{' '}
            {profile.areas
              .filter((a) => a.neighborhoodSlug && neighbourhoods.includes(a.neighborhoodSlug))
              .map((a) => a.neighborhood)
              .join(', ')}
          </p>
        )}
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-700">
            Languages you teach in
            <span className="font-normal text-slate-500"> (up to {MAX_LANGUAGES})</span>
          </legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {(Object.keys(LANGUAGES) as LanguageCode[]).map((code) => (
              <label key={code} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={languages.includes(code)}
                  disabled={full && !languages.includes(code)}
                  onChange={(e) =>
                    setLanguages(
                      e.target.checked ? [...languages, code] : languages.filter((x) => x !== code),
                    )
                  }
                />
                {LANGUAGES[code]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-700">Booking settings</legend>
          <div className="grid gap-3 sm:grid-cols-3">
            <TextField
              label={`Minimum notice (hours, ${n.min}–${n.max})`}
              hint="Students cannot book a lesson starting sooner than this."
              type="number"
              min={n.min}
              max={n.max}
              step={1}
              required
              value={notice}
              onChange={(e) => setNotice(e.target.value)}
            />
            <TextField
              label={`Break between lessons (minutes, ${b.min}–${b.max})`}
              hint={`Kept free before and after each lesson; in steps of ${b.step}.`}
              type="number"
              min={b.min}
              max={b.max}
              step={b.step}
              required
              value={buffer}
              onChange={(e) => setBuffer(e.target.value)}
            />
            <TextField
              label={`Book up to (days ahead, ${d.min}–${d.max})`}
              hint="How far into the future students may book."
              type="number"
              min={d.min}
              max={d.max}
              step={1}
              required
              value={ahead}
              onChange={(e) => setAhead(e.target.value)}
            />
          </div>
        </fieldset>
        <InlineError error={save.error} />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save profile'}
          </Button>
          {/* Always in the page so screen readers announce the change when it fills. */}
          <p role="status" className="flex items-center gap-1 text-sm font-medium text-emerald-700">
            {save.isSuccess && !save.isPending && (
              <>
                <Check className="size-4" aria-hidden /> Saved
              </>
            )}
          </p>
        </div>
      </form>
    </section>
  );
}

function OfferingCard({ offering }: { offering: Offering }) {
  const { update, remove } = useOfferingEdits();
  const [open, setOpen] = useState(false);
  const [removing, setRemoving] = useState(false);
  return (
    <li className="space-y-3 rounded-xl border border-slate-200 p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="font-semibold">
            {offering.service.name} · {formatMoney(offering.hourlyRateCents)}/h
          </p>
          <p className="text-xs text-slate-500">
            {offering.active ? 'Bookable' : 'Paused: not shown to students'}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Close' : 'Edit'}
          </Button>
          <Button
            variant="secondary"
            disabled={update.isPending}
            onClick={() => update.mutate({ id: offering.instructorServiceId, active: !offering.active })}
          >
            {offering.active ? 'Pause' : 'Resume'}
          </Button>
          <Button variant="ghost" disabled={remove.isPending} onClick={() => setRemoving(true)}>
            Remove
          </Button>
        </div>
      </div>
      <Dialog open={removing} onClose={() => setRemoving(false)} title={`Remove ${offering.service.name}?`}>
        <div className="space-y-4">
          <p className="text-sm text-slate-700">
            Students will no longer find you for {offering.service.name}. Lessons already booked stay as they
            are. To hide it for a while instead, pause it.
          </p>
          <InlineError error={remove.error} />
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setRemoving(false)}>
              Keep it
            </Button>
            <Button
              variant="danger"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(offering.instructorServiceId, { onSuccess: () => setRemoving(false) })
              }
            >
              {remove.isPending ? 'Removing…' : `Remove ${offering.service.name}`}
            </Button>
          </div>
        </div>
      </Dialog>
      <InlineError error={open ? null : update.error} />
      {open && (
        <OfferingForm
          initial={offering}
          submitLabel={`Save ${offering.service.name}`}
          pending={update.isPending}
          error={update.error}
          onSubmit={(fields) =>
            update.mutate(
              { id: offering.instructorServiceId, ...fields },
              { onSuccess: () => setOpen(false) },
            )
          }
        />
      )}
    </li>
  );
}

function Services({ profile }: { profile: OwnInstructorProfile }) {
  const catalog = useCatalogAll();
  const { add } = useOfferingEdits();
  const [category, setCategory] = useState('');
  const [serviceId, setServiceId] = useState('');
  const taught = new Set(profile.services.map((s) => s.service.id));
  const services =
    catalog.data?.categories.find((c) => c.slug === category)?.services.filter((s) => !taught.has(s.id)) ??
    [];
  return (
    <section aria-labelledby="services-heading" className="space-y-4">
      <h2 id="services-heading" className="text-lg font-semibold">
        Services you teach
      </h2>
      {profile.services.length === 0 ? (
        <EmptyState title="No services yet">Add the first one below with your hourly rate.</EmptyState>
      ) : (
        <ul className="space-y-3">
          {profile.services.map((o) => (
            <OfferingCard key={`${o.instructorServiceId}:${o.hourlyRateCents}:${o.active}`} offering={o} />
          ))}
        </ul>
      )}
      <div className="space-y-4 rounded-xl bg-slate-50 p-4">
        <h3 className="font-semibold">Add a service</h3>
        {catalog.isError && <ErrorState error={catalog.error} retry={() => void catalog.refetch()} />}
        <OfferingForm
          key={profile.services.length}
          initial={{
            hourlyRateCents: 6000,
            durations: [60],
            levels: ['beginner'],
            ageGroups: ['adults'],
            locationTypes: ['online'],
          }}
          submitLabel="Add the service"
          pending={add.isPending}
          error={add.error}
          onSubmit={(fields) =>
            serviceId && add.mutate({ serviceId, ...fields }, { onSuccess: () => setServiceId('') })
          }
        >
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField
              label="Category"
              value={category}
              onChange={(e) => (setCategory(e.target.value), setServiceId(''))}
            >
              <option value="">Choose…</option>
              {catalog.data?.categories.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Service"
              required
              value={serviceId}
              onChange={(e) => setServiceId(e.target.value)}
              disabled={!category}
            >
              <option value="">Choose…</option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </SelectField>
          </div>
        </OfferingForm>
      </div>
    </section>
  );
}

/**
 * Pause hides the profile from search and new bookings and keeps every lesson; deactivation
 * would cancel upcoming lessons, so the server refuses it while there are any (409 with the
 * count) and the dialog offers to pause instead.
 */
function AccountStatusSection({ profile }: { profile: OwnInstructorProfile }) {
  const change = useOwnStatus();
  const [asking, setAsking] = useState<'suspend' | 'deactivate' | null>(null);
  const close = () => (setAsking(null), change.reset());
  const act = (action: 'suspend' | 'deactivate' | 'reactivate') =>
    change.mutate(action, { onSuccess: () => setAsking(null) });
  const paused = profile.accountStatus === 'suspended';
  return (
    <section aria-labelledby="status-heading" className="space-y-3">
      <h2 id="status-heading" className="text-lg font-semibold">
        Your instructor account
      </h2>
      <p className="text-sm text-slate-700">
        {paused
          ? 'Paused: students do not find you in search and cannot book new lessons. Lessons already booked go ahead.'
          : 'Active: students find you in search and can book you.'}
      </p>
      <InlineError error={asking ? null : change.error} />
      <div className="flex flex-wrap gap-2">
        {paused ? (
          <Button disabled={change.isPending} onClick={() => act('reactivate')}>
            {change.isPending ? 'Reactivating…' : 'Reactivate my profile'}
          </Button>
        ) : (
          <Button variant="secondary" onClick={() => setAsking('suspend')}>
            Pause my profile
          </Button>
        )}
        <Button variant="ghost" onClick={() => setAsking('deactivate')}>
          Deactivate my account
        </Button>
      </div>
      <Dialog
        open={asking !== null}
        onClose={close}
        title={asking === 'suspend' ? 'Pause your profile?' : 'Deactivate your account?'}
      >
        <div className="space-y-4">
          <p className="text-sm text-slate-700">
            {asking === 'suspend'
              ? 'You will be hidden from search and nobody can book a new lesson. Lessons already booked stay as they are. Reactivate whenever you like.'
              : 'Your profile disappears and you are signed out everywhere. You cannot deactivate while you have upcoming lessons: cancel or teach them first, or pause instead.'}
          </p>
          <InlineError error={change.error} />
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              Keep it as it is
            </Button>
            {asking === 'deactivate' && !paused && (
              <Button variant="secondary" disabled={change.isPending} onClick={() => act('suspend')}>
                Pause instead
              </Button>
            )}
            <Button
              variant={asking === 'deactivate' ? 'danger' : 'primary'}
              disabled={change.isPending}
              onClick={() => act(asking ?? 'suspend')}
            >
              {change.isPending ? 'Saving…' : asking === 'suspend' ? 'Pause my profile' : 'Deactivate'}
            </Button>
          </div>
        </div>
      </Dialog>
    </section>
  );
}
