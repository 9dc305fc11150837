import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import type { OwnInstructorProfile } from '../../api/contracts';
import { MAX_PHOTO_BYTES, PHOTO_MEDIA_TYPES } from '../../api/contracts';
import { Avatar } from '../../components/avatar';
import { Button } from '../../components/button';
import { usePhotoEdits } from './dashboard-queries';

/** What is wrong with a picked file before it is sent (the server checks the bytes again). */
function fileProblem(file: File): string | null {
  if (!(PHOTO_MEDIA_TYPES as readonly string[]).includes(file.type))
    return 'Choose a JPEG, PNG or WebP image.';
  if (file.size > MAX_PHOTO_BYTES) return 'The photo is larger than 5 MB. Choose a smaller one.';
  return null;
}

/** The server's refusal in words for this field. */
function uploadProblem(e: unknown): string {
  if (e instanceof ApiError && e.status === 413)
    return 'The photo is larger than 5 MB. Choose a smaller one.';
  return errorMessage(e);
}

/** The profile photo: current photo or placeholder, a preview of the picked file, upload and remove. */
export function PhotoEditor({ profile }: { profile: OwnInstructorProfile }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const { upload, remove } = usePhotoEdits();
  // The picked file and its preview URL, made together and released together.
  const [picked, setPicked] = useState<{ file: File; url: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const file = picked?.file ?? null;
  const preview = picked?.url ?? null;

  useEffect(() => (preview ? () => URL.revokeObjectURL(preview) : undefined), [preview]);

  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0] ?? null;
    setSaved(null);
    upload.reset();
    const p = f ? fileProblem(f) : null;
    setProblem(p);
    setPicked(f && !p ? { file: f, url: URL.createObjectURL(f) } : null);
  };
  const clear = () => {
    setPicked(null);
    if (input.current) input.current.value = '';
  };
  const send = () => {
    if (!file) return;
    upload.mutate(file, {
      onSuccess: () => {
        clear();
        setSaved('Photo saved.');
      },
      onError: (e) => setProblem(uploadProblem(e)),
    });
  };
  const drop = () =>
    remove.mutate(undefined, {
      onSuccess: () => setSaved('Photo removed.'),
      onError: (e) => setProblem(errorMessage(e)),
    });

  const busy = upload.isPending || remove.isPending;
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        Profile photo
      </h2>
      <div className="flex flex-wrap items-center gap-4">
        {preview ? (
          <img
            src={preview}
            alt="Preview of the photo you picked"
            width={128}
            height={128}
            className="size-32 rounded-full object-cover"
          />
        ) : (
          <Avatar id={profile.id} name={profile.name} photoUrl={profile.photoUrl} size="xl" />
        )}
        <div className="space-y-2">
          <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-700">
            {profile.photoUrl ? 'Choose a new photo' : 'Choose a photo'}
          </label>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            accept={PHOTO_MEDIA_TYPES.join(',')}
            onChange={pick}
            aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
            aria-invalid={problem ? true : undefined}
            className="block text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-indigo-50 file:px-3 file:py-2 file:font-semibold file:text-indigo-800"
          />
          <p id={`${id}-hint`} className="text-xs text-slate-600">
            JPEG, PNG or WebP, up to 5 MB. It is cropped to a square; location and camera data are removed.
          </p>
          {problem && (
            <p id={`${id}-error`} role="alert" className="text-sm text-rose-700">
              {problem}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button onClick={send} disabled={!file || busy}>
              {upload.isPending ? 'Uploading…' : 'Upload photo'}
            </Button>
            {file && (
              <Button variant="ghost" onClick={clear} disabled={busy}>
                Cancel
              </Button>
            )}
            {profile.photoUrl && !file && (
              <Button variant="danger" onClick={drop} disabled={busy}>
                {remove.isPending ? 'Removing…' : 'Remove photo'}
              </Button>
            )}
          </div>
          {saved && (
            <p role="status" className="text-sm text-emerald-800">
              {saved}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
