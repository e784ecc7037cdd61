// Jest reporter that records each project's totals so `npm test` can print one closing line
// over every Nx project ("N passed, N failed").
const fs = require('node:fs');
const path = require('node:path');

const resultsDir = path.join(__dirname, '../../tmp/test-results');

class SummaryReporter {
  onRunComplete(contexts, results) {
    const [first] = contexts ? [...contexts] : [];
    const displayName = first && first.config && first.config.displayName;
    this.name = (displayName && (displayName.name || displayName)) || 'jest';
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${this.name}-${process.pid}.json`);
    fs.writeFileSync(
      file,
      JSON.stringify({
        project: this.name,
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
      }),
    );
  }
}

module.exports = SummaryReporter;
