// Worker bundle only (wrangler.toml [alias]): Yoga's landing page, which this API turns off
// (`landingPage: false`), is a 12 KiB HTML string Yoga imports either way.
export default '';
