/** Vite's `?raw` imports: a file's text (route tests upload golden CSVs). */
declare module "*?raw" {
  const text: string;
  export default text;
}
