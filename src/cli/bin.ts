import { main } from './main.js';
import { isTaskWorker, serveTaskJobs } from './task-pool.js';
import { isTrainWorker, serveTrainJobs } from './train-run.js';

if (isTrainWorker()) serveTrainJobs();
else if (isTaskWorker()) serveTaskJobs();
else process.exitCode = await main(process.argv.slice(2), { script: new URL(import.meta.url) });
