/**
 * English function words plus the request fillers users put around what they want ("can you
 * help me", "I would like"). Lexical scoring drops them; sentence vectors down-weight them anyway.
 * Written for this project, general English, not tuned to any catalog.
 */
const words = `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just let like me might more most must my
myself no nor not now of off on once only or other ought our ours ourselves out over own please same shall she
should so some such than that the their theirs them themselves then there these they this those through to too
under until up upon us very want was we were what when where which while who whom why will with would you your
yours yourself yourselves im ive id dont cant whats hey hi thanks thank need needs looking help able way get
tell give show know use using used find possible may`;

export const STOP_WORDS: ReadonlySet<string> = new Set(words.split(/\s+/).filter((word) => word.length > 0));
