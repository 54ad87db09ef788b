// The time of a step of the first open, as Byline's log gives it (docs/first-underline.md).

/** Now: the clock's time (UTC) and the extension host's process age. */
export function startupTime(): string {
  return `at ${new Date().toISOString()}, ${Math.round(process.uptime() * 1000)} ms after the extension host's process started`;
}
