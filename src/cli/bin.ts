import { main } from './main.js';
import { isTrainWorker, serveTrainJobs } from './train-run.js';

if (isTrainWorker()) serveTrainJobs();
else process.exitCode = await main(process.argv.slice(2), { script: new URL(import.meta.url) });
