import { EngineError } from "../errors";
import { legacyPermutation } from "./legacy-permutation";

export interface SplitOptions {
  /** A fraction in (0, 1) of the rows (rounded up), or an integer count of rows; default 0.25 when trainSize is absent too. */
  readonly testSize?: number;
  /** A fraction in (0, 1) (rounded down) or an integer count; default: the rows not in the test set. */
  readonly trainSize?: number;
  /** numpy seed (integer in [0, 2³² - 1]); required when shuffling. */
  readonly randomState?: number;
  /** Default true. Without shuffling the first rows train and the next ones test. */
  readonly shuffle?: boolean;
}

/**
 * The positions (0..n-1) of the training and test rows that scikit-learn 1.2's
 * `train_test_split(range(n), test_size=..., train_size=..., random_state=..., shuffle=...)` returns, in its
 * order: with shuffling, perm = RandomState(random_state).permutation(n), test = perm[:n_test],
 * train = perm[n_test : n_test + n_train]; without, train = [0, n_train), test = [n_train, n_train + n_test).
 *
 * Sizes follow `_validate_shuffle_split`: a fraction gives n_test = ceil(test_size · n), n_train =
 * floor(train_size · n); a count is taken as it is; the missing one is the rest. A number is a count when it
 * is an integer (JSON cannot tell 1 from 1.0; Python's float 1.0 would be refused as a fraction). Its errors
 * become `invalid_split`: a size outside (0, 1) or [1, n), fractions summing above 1, sizes summing above n,
 * an empty training set.
 *
 * Map positions to table rows through the complete-case rows (`completeRows`), as scikit-learn splits the
 * frame after `dropna`.
 *
 * @example trainTestSplit(10, { testSize: 0.2, randomState: 42 }).test // Uint32Array [8, 1]
 */
export function trainTestSplit(n: number, options: SplitOptions): { train: Uint32Array; test: Uint32Array } {
  const { testSize, trainSize } = options;
  const test = testSize === undefined && trainSize === undefined ? 0.25 : testSize;
  checkSize("test_size", test, n);
  checkSize("train_size", trainSize, n);
  if (isFraction(test) && isFraction(trainSize) && test + trainSize > 1) {
    throw new EngineError("invalid_split", `The sum of test_size and train_size = ${test + trainSize}, should be in the (0, 1) range. Reduce test_size and/or train_size.`);
  }
  let nTest = test === undefined ? Number.NaN : isFraction(test) ? Math.ceil(test * n) : test;
  let nTrain = trainSize === undefined ? Number.NaN : isFraction(trainSize) ? Math.floor(trainSize * n) : trainSize;
  if (trainSize === undefined) nTrain = n - nTest;
  else if (test === undefined) nTest = n - nTrain;
  if (nTrain + nTest > n) {
    throw new EngineError("invalid_split", `The sum of train_size and test_size = ${nTrain + nTest}, should be smaller than the number of samples ${n}. Reduce test_size and/or train_size.`);
  }
  if (nTrain === 0) {
    throw new EngineError("invalid_split", `With n_samples=${n}, test_size=${test ?? "None"} and train_size=${trainSize ?? "None"}, the resulting train set will be empty. Adjust any of the aforementioned parameters.`);
  }
  if (options.shuffle === false) {
    return {
      train: Uint32Array.from({ length: nTrain }, (_, i) => i),
      test: Uint32Array.from({ length: nTest }, (_, i) => nTrain + i),
    };
  }
  if (options.randomState === undefined) {
    throw new EngineError("invalid_split", "random_state is required to shuffle reproducibly.");
  }
  const permutation = legacyPermutation(options.randomState, n);
  return { train: permutation.slice(nTest, nTest + nTrain), test: permutation.slice(0, nTest) };
}

function isFraction(size: number | undefined): size is number {
  return size !== undefined && !Number.isInteger(size);
}

function checkSize(name: string, size: number | undefined, n: number): void {
  if (size === undefined) return;
  const bad = !Number.isFinite(size) || (isFraction(size) ? size <= 0 || size >= 1 : size >= n || size <= 0);
  if (bad) {
    throw new EngineError("invalid_split", `${name}=${size} should be either positive and smaller than the number of samples ${n} or a float in the (0, 1) range.`);
  }
}
