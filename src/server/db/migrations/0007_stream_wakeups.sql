-- Open event streams end the moment their session does (logout, password change, revocation) or
-- the account is deactivated, on every instance: the change itself wakes the stream holders
-- through the same NOTIFY channel that carries new event ids (platform/events/event-hub.ts).
CREATE FUNCTION notify_session_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ii_events', 's:' || NEW.id::text);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_ended_notify AFTER UPDATE OF revoked_at ON sessions
  FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
  EXECUTE FUNCTION notify_session_ended();
--> statement-breakpoint
CREATE FUNCTION notify_account_deactivated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ii_events', 'a:' || NEW.id::text);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_deactivated_notify AFTER UPDATE OF account_status ON users
  FOR EACH ROW WHEN (NEW.account_status = 'deactivated' AND OLD.account_status <> 'deactivated')
  EXECUTE FUNCTION notify_account_deactivated();
