import type { Level } from "./design";

export interface ClassificationMetrics {
  n: number;
  accuracy: number;
  /** Of the positive class (classes[1]); 0 when undefined (scikit-learn's zero_division="warn" returns 0). */
  precision: number;
  recall: number;
  f1: number;
  /** The classes present in y_true or y_pred, sorted (scikit-learn `unique_labels`), ordering the matrix. */
  labels: Level[];
  /** confusion_matrix[i][j]: rows with true class labels[i] predicted as labels[j]. */
  confusionMatrix: number[][];
}

/**
 * scikit-learn 1.2 binary classification metrics with the positive class classes[1], from 0/1 codes of
 * the classes (1 = positive):
 *
 *   accuracy = (tp + tn) / n,  precision = tp / (tp + fp),  recall = tp / (tp + fn),
 *   F1 = 2 P R / (P + R)  (scikit-learn's `precision_recall_fscore_support`, beta = 1),
 *
 * each 0 when its denominator is 0. `confusion_matrix(y_true, y_pred)` lists only the classes that occur in
 * either array, so a test set with one class gives a 1 x 1 matrix, as scikit-learn does.
 *
 * @example classificationMetrics(Uint8Array.of(0, 1, 1), Uint8Array.of(0, 1, 0), ["no", "yes"]).recall // 0.5
 */
export function classificationMetrics(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, classes: readonly [Level, Level]): ClassificationMetrics {
  const n = yTrue.length;
  const counts = [0, 0, 0, 0]; // index 2 * true + predicted
  for (let i = 0; i < n; i++) counts[2 * (yTrue[i] === 1 ? 1 : 0) + (yPred[i] === 1 ? 1 : 0)]++;
  const [tn, fp, fn, tp] = counts;
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const denominator = precision + recall;
  const f1 = (2 * precision * recall) / (denominator === 0 ? 1 : denominator);
  const present = [tn + fp + fn > 0, tp + fn + fp > 0]; // the class occurs as a true or a predicted value
  const indexes = [0, 1].filter((k) => present[k]);
  return {
    n,
    accuracy: n > 0 ? (tp + tn) / n : Number.NaN,
    precision,
    recall,
    f1,
    labels: indexes.map((k) => classes[k]),
    confusionMatrix: indexes.map((t) => indexes.map((p) => counts[2 * t + p])),
  };
}
