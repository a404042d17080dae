/**
 * Version of the computation itself, recorded in every result's provenance. Raise it whenever a change can
 * alter a number for the same dataset and plan, so old results can be told apart from new ones.
 */
export const ENGINE_VERSION = "1.0.0";
