/**
 * The URIs of the MCP resources. A dataset is named by its session_id, as in the HTTP API; ids are the server's
 * own UUIDs, percent-encoded all the same so that no value can change the shape of a URI.
 */
export const GENERIC_PLAN_SCHEMA_URI = "wake://plan-schema";
export const PROFILE_URI_TEMPLATE = "wake://datasets/{session_id}/profile";
export const PLAN_SCHEMA_URI_TEMPLATE = "wake://datasets/{session_id}/plan-schema";
export const CHART_SVG_URI_TEMPLATE = "wake://datasets/{session_id}/analyses/{analysis_id}/chart.svg";

const part = encodeURIComponent;

export const profileUri = (sessionId: string) => `wake://datasets/${part(sessionId)}/profile`;
export const planSchemaUri = (sessionId: string) => `wake://datasets/${part(sessionId)}/plan-schema`;
export const chartSvgUri = (sessionId: string, analysisId: string) => `wake://datasets/${part(sessionId)}/analyses/${part(analysisId)}/chart.svg`;
