import { given } from "./plan-values";
import { LAYOUT_FORMS, type SampleForm, type SampleLayout } from "./test-rules";

/**
 * The way of naming samples a plan is using, among its layout's forms: the form whose own fields (its required
 * fields other than target_column, which several forms share) are given, then the one with the most of its
 * fields given, then the first. Validation reports what that form misses and what does not belong to it, and
 * execution reads the samples the same way.
 *
 * @example chooseForm({ test: "ttest_ind", sample_columns: ["a", "b"] }, "two").required // ["sample_columns"]
 */
export function chooseForm(plan: Readonly<Record<string, unknown>>, layout: SampleLayout): SampleForm {
  const forms = LAYOUT_FORMS[layout];
  let best = forms[0];
  let bestScore = -1;
  for (const form of forms) {
    const own = form.required.filter((field) => field !== "target_column" && given(plan, field)).length;
    const any = [...form.required, ...form.optional].filter((field) => given(plan, field)).length;
    const score = own * 100 + any;
    if (score > bestScore) {
      best = form;
      bestScore = score;
    }
  }
  return best;
}

const FORM_WORDS: Readonly<Record<SampleLayout, string>> = {
  one: "give the column to test as target_column",
  categories: "give the column whose values are counted as target_column",
  two: "name the two samples with target_column, group_column and groups (two values of group_column), or with sample_columns (two columns)",
  k: "name the samples with target_column and group_column (every group, or the groups listed), or with sample_columns (two or more columns)",
  table: "give the two columns of the contingency table as group_column (rows) and target_column (columns)",
  paired: "give the two paired columns as sample_columns",
  one_or_paired: "give one column of differences as target_column, or two paired columns as sample_columns",
  xy: "give the two columns as x_axis and y_axis",
};

/**
 * How a test's samples are named, in words, for messages.
 *
 * @example describeForms("ttest_rel", "paired") // "ttest_rel: give the two paired columns as sample_columns"
 */
export function describeForms(test: string, layout: SampleLayout): string {
  return `${test}: ${FORM_WORDS[layout]}`;
}
