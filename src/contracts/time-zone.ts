// The platform's home zone: New York, where the marketplace is (data/areas.json). Used wherever a
// person has not said theirs yet; shared by the server and the web app.
export const DEFAULT_TIME_ZONE = 'America/New_York';
