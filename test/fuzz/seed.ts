/** One fixed seed for every fuzz property (fast-check prints it with the failing case). */
export const SEED = 20261127;

/** Per-property timeout: the properties run hundreds of requests each (about 2-20 ms apiece in workerd). */
export const PROPERTY_TIMEOUT = 120_000;
