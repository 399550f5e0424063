// Service worker. The extension's features arrive with issue 5; this entrypoint keeps `wxt prepare` working.
export default defineBackground(() => {});
