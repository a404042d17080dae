/** Fixture files read as text (vite's `?raw`), e.g. the golden CSVs uploaded by route tests. */
declare module "*.csv?raw" {
  const text: string;
  export default text;
}
