/**
 * An adapter call that does its work and then fails the first time, as when
 * the connection drops after the other system acted: the activity is retried,
 * and the step must still happen once.
 */
export function failsOnceAfterwards<Args extends unknown[], R>(call: (...args: Args) => Promise<R>, message: string) {
  let calls = 0;
  return {
    call: async (...args: Args): Promise<R> => {
      calls++;
      const result = await call(...args);
      if (calls === 1) throw new Error(message);
      return result;
    },
    get calls() {
      return calls;
    },
  };
}
