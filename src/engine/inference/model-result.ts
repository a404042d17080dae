import type { Level } from "../models/design";

/** One coefficient of a fitted model; the inference fields are absent for scikit-learn's penalised fit. */
export interface CoefficientRow {
  /** statsmodels' name: `Intercept`, `weight`, `origin[T.japan]`, `C(cyl)[T.6]`. */
  name: string;
  estimate: number | null;
  std_error?: number | null;
  /** OLS: t statistic. */
  t_value?: number | null;
  /** Logit: z statistic. */
  z_value?: number | null;
  p_value?: number | null;
  ci_lower?: number | null;
  ci_upper?: number | null;
}

/** The sizes of a split: rows fitted on, rows the metrics were computed on. */
export interface SplitSizes {
  train_rows: number;
  test_rows: number;
}

/** scikit-learn 1.2 regression metrics of the test rows. */
export interface RegressionTestMetrics {
  n: number;
  r2: number | null;
  mse: number | null;
  rmse: number | null;
  mae: number | null;
}

/** scikit-learn 1.2 classification metrics of the test rows, with the positive class classes[1]. */
export interface ClassificationTestMetrics {
  n: number;
  accuracy: number | null;
  precision: number;
  recall: number;
  f1: number;
  /** The classes that occur in the true or predicted values, sorted: the order of the matrix. */
  labels: Level[];
  /** confusion_matrix[i][j]: rows of class labels[i] predicted as labels[j]. */
  confusion_matrix: number[][];
}

/** `operation: "ols"`: statsmodels OLS(...).fit() on the fitted rows, scikit-learn metrics on the test rows. */
export interface OlsModelResult {
  model: "ols";
  target: string;
  /** Rows fitted on. */
  n: number;
  df_model: number;
  df_resid: number;
  confidence: number;
  coefficients: CoefficientRow[];
  r_squared: number | null;
  adj_r_squared: number | null;
  f_statistic: number | null;
  f_p_value: number | null;
  log_likelihood: number | null;
  aic: number | null;
  bic: number | null;
  /** sqrt(SSR / df_resid). */
  residual_std_error: number | null;
  split?: SplitSizes;
  test_metrics?: RegressionTestMetrics;
  predictions?: Array<{ input: Record<string, Level>; predicted: number | null }>;
}

/** `operation: "logistic"`: scikit-learn LogisticRegression() (penalty l2) or statsmodels Logit (penalty none). */
export interface LogisticModelResult {
  model: "logistic";
  penalty: "l2" | "none";
  target: string;
  /** scikit-learn's classes_: the coefficients model the probability of classes[1], the positive class. */
  classes: [Level, Level];
  positive_class: Level;
  n: number;
  coefficients: CoefficientRow[];
  log_likelihood: number | null;
  /** penalty l2: inverse regularisation strength. */
  C?: number;
  /** penalty none (statsmodels Logit): */
  confidence?: number;
  df_model?: number;
  df_resid?: number;
  ll_null?: number | null;
  pseudo_r_squared?: number | null;
  llr?: number | null;
  llr_p_value?: number | null;
  aic?: number | null;
  bic?: number | null;
  split?: SplitSizes;
  test_metrics?: ClassificationTestMetrics;
  predictions?: Array<{ input: Record<string, Level>; predicted_class: Level; probability: number | null }>;
}

/** What a model's charts draw: predicted against actual on the test rows (or the fitted rows without a split). */
export type ModelChartData =
  | { kind: "regression"; actual: Float64Array; predicted: Float64Array; onTestRows: boolean }
  | { kind: "classification"; labels: Level[]; matrix: number[][]; onTestRows: boolean };
