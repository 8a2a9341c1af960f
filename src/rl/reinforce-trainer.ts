/**
 * Vanilla policy gradient (REINFORCE with a linear feature baseline) on one environment: each
 * iteration samples a batch with the current policy, takes the gradient of the REINFORCE
 * surrogate and applies one Adam step to the flat parameter vector.
 */
import { CartPole, type CartPoleResetOptions } from '../envs/cartpole.js';
import type { Env } from '../envs/env.js';
import { VectorEnv } from '../envs/vector-env.js';
import { LinearFeatureBaseline } from '../nn/baseline.js';
import type { InitScheme } from '../nn/init.js';
import type { HiddenActivation, MlpLayout } from '../nn/mlp.js';
import { Adam } from '../nn/optimizers.js';
import { PCG64 } from '../rng/pcg64.js';
import { SeedSequence } from '../rng/seed-sequence.js';
import { type Evaluation, evaluatePolicy } from './evaluate.js';
import { reinforceGradient, samplePolicyGradientBatch } from './policy-gradient.js';
import { initPolicy, mlpPolicyLayout } from './policy-layout.js';

/** What a ReinforceTrainer trains on and how: seed, env, network, Adam rate, batch and advantage settings. */
export interface ReinforceTrainerOptions<O = CartPoleResetOptions> {
  /** Root of every random stream: parameter init, actions, training envs, evaluation. */
  readonly seed: number;
  /** Builds sub-env i of the training and of the evaluation vector envs; default CartPole-v1. */
  readonly makeEnv?: (index: number) => Env<number, O>;
  /** Hidden layer widths; default [32, 32]. */
  readonly hidden?: readonly number[];
  /** Default 'tanh'. */
  readonly activation?: HiddenActivation;
  /** Default 'torch-default'. */
  readonly init?: InitScheme;
  /** Adam learning rate; default 1e-2. */
  readonly lr?: number;
  /** Episodes per batch; default 20. */
  readonly episodesPerBatch?: number;
  /** Training sub-envs; default episodesPerBatch (one episode each per batch). */
  readonly numEnvs?: number;
  /** Evaluation sub-envs; default 20. */
  readonly evalEnvs?: number;
  /** Default 0.99. */
  readonly gamma?: number;
  /** Default 1. */
  readonly gaeLambda?: number;
  /** Default true. */
  readonly normalizeAdvantages?: boolean;
}

/** One REINFORCE iteration's returns, loss and step counts. */
export interface IterationStats {
  /** 1-based index of the iteration just run. */
  readonly iteration: number;
  /** Mean undiscounted return of the iteration's batch (the policy before its update). */
  readonly meanReturn: number;
  readonly envSteps: number;
  /** Training env steps so far, this iteration's included. */
  readonly totalEnvSteps: number;
  /** The surrogate loss at the pre-update parameters. */
  readonly loss: number;
  readonly gradNorm: number;
}

/**
 * Streams, spawned from SeedSequence(seed) in this order: parameter init, training actions,
 * training env seed, evaluation (env reset seeds and, spawned from it, evaluation actions).
 */
export class ReinforceTrainer<O = CartPoleResetOptions> {
  readonly layout: MlpLayout;
  /** The policy's parameters, updated in place by each iteration. */
  readonly params: Float64Array;
  readonly baseline: LinearFeatureBaseline;
  readonly optimizer: Adam;
  private readonly venv: VectorEnv<O>;
  private readonly evalVenv: VectorEnv<O>;
  private readonly actionRng: PCG64;
  private readonly evalSeeds: PCG64;
  private readonly evalActionRng: PCG64;
  private readonly episodesPerBatch: number;
  private readonly gamma: number;
  private readonly gaeLambda: number;
  private readonly normalizeAdvantages: boolean;
  private iterations = 0;
  private envSteps = 0;

  constructor(options: ReinforceTrainerOptions<O>) {
    const makeEnv = options.makeEnv ?? ((() => new CartPole()) as unknown as (index: number) => Env<number, O>);
    this.episodesPerBatch = options.episodesPerBatch ?? 20;
    if (!Number.isSafeInteger(this.episodesPerBatch) || this.episodesPerBatch < 1) {
      throw new Error(`ReinforceTrainer: episodesPerBatch is ${this.episodesPerBatch}, expected a positive integer`);
    }
    this.gamma = options.gamma ?? 0.99;
    this.gaeLambda = options.gaeLambda ?? 1;
    this.normalizeAdvantages = options.normalizeAdvantages ?? true;
    const [initSeq, actionSeq, envSeq, evalSeq] = new SeedSequence(options.seed).spawn(4);
    const numEnvs = options.numEnvs ?? this.episodesPerBatch;
    const evalEnvs = options.evalEnvs ?? 20;
    this.venv = new VectorEnv(Array.from({ length: numEnvs }, (_, i) => makeEnv(i)), { seed: envSeq.generateState(1)[0] });
    this.evalVenv = new VectorEnv(Array.from({ length: evalEnvs }, (_, i) => makeEnv(i)));
    const obsDim = this.venv.obsDim;
    this.layout = mlpPolicyLayout([obsDim, ...(options.hidden ?? [32, 32])], this.venv.singleActionSpace, options.activation ?? 'tanh');
    this.params = initPolicy(this.layout, new PCG64(initSeq), options.init ?? 'torch-default');
    this.actionRng = new PCG64(actionSeq);
    this.evalSeeds = new PCG64(evalSeq);
    this.evalActionRng = this.evalSeeds.spawn(1)[0];
    this.baseline = new LinearFeatureBaseline(obsDim);
    this.optimizer = new Adam(this.layout.size, { lr: options.lr ?? 1e-2 });
  }

  /** Training env steps taken so far. */
  get totalEnvSteps(): number {
    return this.envSteps;
  }

  /** One iteration: sample a batch, compute the REINFORCE gradient, take an Adam step. */
  step(): IterationStats {
    const { batch, stats } = samplePolicyGradientBatch(this.layout, this.params, this.venv, this.actionRng, {
      episodes: this.episodesPerBatch,
      baseline: this.baseline,
      gamma: this.gamma,
      gaeLambda: this.gaeLambda,
      normalizeAdvantages: this.normalizeAdvantages,
    });
    const { loss, grad } = reinforceGradient(this.layout, this.params, batch);
    let sq = 0;
    for (let i = 0; i < grad.length; i++) sq += grad[i] * grad[i];
    this.optimizer.step(this.params, grad);
    this.iterations++;
    this.envSteps += stats.envSteps;
    return {
      iteration: this.iterations,
      meanReturn: stats.meanReturn,
      envSteps: stats.envSteps,
      totalEnvSteps: this.envSteps,
      loss,
      gradNorm: Math.sqrt(sq),
    };
  }

  /**
   * `episodes` evaluation episodes (not counted in totalEnvSteps) on the evaluation envs, reset
   * with a fresh seed from the evaluation stream; 'sampled' draws actions from the evaluation
   * action stream, 'greedy' takes the argmax.
   */
  evaluate(episodes: number, mode: 'sampled' | 'greedy'): Evaluation {
    const seed = this.evalSeeds.integers(0, 2 ** 31);
    return evaluatePolicy(this.evalVenv, this.layout, this.params, {
      episodes,
      seed,
      rng: mode === 'sampled' ? this.evalActionRng : undefined,
    });
  }
}
