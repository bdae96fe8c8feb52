/** Puppeteer must not download its own browser: CI and the Pi use Debian's /usr/bin/chromium. */
module.exports = { skipDownload: true };
