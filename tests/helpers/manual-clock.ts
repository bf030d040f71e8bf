/** A clock for the core's `now` option that moves only when the test moves it. */
export function manualClock(start: string) {
  let time = Date.parse(start);
  return {
    now: () => new Date(time),
    advance: (ms: number) => void (time += ms),
    get ms() {
      return time;
    },
  };
}
