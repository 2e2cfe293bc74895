// Small browser helpers the Blazor pages call through JS interop.
window.afterSales = {
  // Upload progress needs the browser; Blazor streams the file itself, this only reports it.
  scrollToTop: () => window.scrollTo({ top: 0, behavior: "smooth" }),
};
