import { describe, expect, it } from 'vitest';
import { EdgeShape, PolygonShape, World, b2Settings, type Body } from '../../src/physics/index.js';

const G = -10;

function groundWorld(options: { continuousPhysics?: boolean; gravity?: number } = {}): { world: World; ground: Body } {
  const world = new World({ gravity: { x: 0, y: options.gravity ?? G }, continuousPhysics: options.continuousPhysics });
  const ground = world.createBody();
  ground.createFixture({ shape: new EdgeShape(-10, 0, 10, 0) });
  return { world, ground };
}

function dropBox(world: World, y: number, props: { restitution?: number; hx?: number; hy?: number } = {}): Body {
  const box = world.createBody({ type: 'dynamic', position: { x: 0, y } });
  box.createFixture({ shape: PolygonShape.box(props.hx ?? 0.5, props.hy ?? 0.5), density: 1, friction: 0.3, restitution: props.restitution ?? 0 });
  return box;
}

describe('free motion (b2Island::Solve integration)', () => {
  it('falls by semi-implicit Euler: y_n = y0 + n·h·v0 + g·h²·n(n+1)/2, exactly', () => {
    const world = new World({ gravity: { x: 0, y: G } });
    const body = world.createBody({ type: 'dynamic', position: { x: 1, y: 50 }, linearVelocity: { x: 0.5, y: 3 } });
    body.createFixture({ shape: PolygonShape.box(0.2, 0.2), density: 2 });
    const h = 1 / 50;
    for (let n = 1; n <= 100; n++) {
      world.step(h);
      expect(body.linearVelocityY).toBeCloseTo(3 + n * G * h, 11);
      expect(body.position.y).toBeCloseTo(50 + n * h * 3 + (G * h * h * n * (n + 1)) / 2, 10);
      expect(body.position.x).toBeCloseTo(1 + n * h * 0.5, 11);
    }
  });

  it('an impulse at a point changes v by J/m and ω by (r × J)/I; a force acts for one step only', () => {
    const world = new World({ gravity: { x: 0, y: 0 } });
    const body = world.createBody({ type: 'dynamic', position: { x: 2, y: 3 } });
    body.createFixture({ shape: PolygonShape.box(1, 0.5), density: 3 });
    const m = 3 * 2 * 1, inertia = (m * (1 + 0.25)) / 3;
    expect(body.mass).toBeCloseTo(m, 14);
    expect(body.inertia).toBeCloseTo(inertia, 14);
    body.applyLinearImpulse(0.6, -1.2, 2.5, 3.25);
    expect(body.linearVelocityX).toBeCloseTo(0.6 / m, 15);
    expect(body.linearVelocityY).toBeCloseTo(-1.2 / m, 15);
    expect(body.angularVelocity).toBeCloseTo((0.5 * -1.2 - 0.25 * 0.6) / inertia, 15);
    const v0 = body.linearVelocityX;
    body.applyForceToCenter(12, 0);
    world.step(0.1);
    world.step(0.1);
    expect(body.linearVelocityX).toBeCloseTo(v0 + (12 / m) * 0.1, 14);
  });
});

describe('contacts with an edge', () => {
  it('a resting box keeps its place for 1,000 steps, skins overlapping by linearSlop', () => {
    const { world } = groundWorld();
    world.step(0); // finds the (empty) pairs of the ground
    const box = world.createBody({ type: 'dynamic', position: { x: 3, y: 0.6 }, allowSleep: false });
    box.createFixture({ shape: PolygonShape.box(0.5, 0.5), density: 1, friction: 0.3 });
    for (let i = 0; i < 120; i++) world.step(1 / 60, 8, 3);
    const x0 = box.position.x, y0 = box.position.y;
    for (let i = 0; i < 1000; i++) world.step(1 / 60, 8, 3);
    expect(Math.abs(box.position.x - x0)).toBeLessThan(1e-9);
    expect(Math.abs(box.position.y - y0)).toBeLessThan(1e-9);
    expect(Math.abs(box.angle)).toBeLessThan(1e-9);
    // Core-to-edge distance: two skins (0.02) minus the slop (0.005) the position solver leaves.
    expect(box.position.y).toBeCloseTo(0.5 + 2 * b2Settings.POLYGON_RADIUS - b2Settings.LINEAR_SLOP, 5);
    expect(box.isAwake()).toBe(true);
  });

  it('a box at rest falls asleep (velocities zeroed), stays put, and an impulse wakes it', () => {
    const { world } = groundWorld();
    const box = dropBox(world, 1);
    let steps = 0;
    while (box.isAwake() && steps < 600) {
      world.step(1 / 60, 8, 3);
      steps++;
    }
    expect(box.isAwake()).toBe(false);
    // At least TIME_TO_SLEEP of quiet after the ~0.5 s fall.
    expect(steps * (1 / 60)).toBeGreaterThan(b2Settings.TIME_TO_SLEEP + 0.3);
    expect([box.linearVelocityX, box.linearVelocityY, box.angularVelocity]).toEqual([0, 0, 0]);
    const y = box.position.y;
    for (let i = 0; i < 100; i++) world.step(1 / 60, 8, 3);
    expect(box.position.y).toBe(y);
    box.applyLinearImpulse(0, 5, box.worldCenter.x, box.worldCenter.y);
    expect(box.isAwake()).toBe(true);
    world.step(1 / 60, 8, 3);
    expect(box.position.y).toBeGreaterThan(y);
  });

  it.each([1, 0.5, 0])('restitution %s: the rebound speed is e times the impact speed', (e) => {
    const { world } = groundWorld();
    const h = 1 / 60;
    const box = dropBox(world, 5, { restitution: e });
    let before = 0, after = 0;
    for (let i = 0; i < 120 && after === 0; i++) {
      const vy = box.linearVelocityY;
      world.step(h, 8, 3);
      if (vy < 0 && box.linearVelocityY >= 0) {
        before = vy + G * h; // gravity of the impact step is integrated before the solve
        after = box.linearVelocityY;
        if (e === 0) break;
      }
    }
    expect(before).toBeLessThan(-b2Settings.VELOCITY_THRESHOLD);
    expect(after).toBeCloseTo(-e * before, 12);
  });

  it('an elastic box bounces back to its release height (within 1%)', () => {
    const { world } = groundWorld();
    const box = dropBox(world, 5, { restitution: 1 });
    let top = 0, bounced = false;
    for (let i = 0; i < 150; i++) {
      const vy = box.linearVelocityY;
      world.step(1 / 60, 8, 3);
      if (vy < 0 && box.linearVelocityY > 0) bounced = true;
      if (bounced) top = Math.max(top, box.position.y);
    }
    expect(bounced).toBe(true);
    expect(Math.abs(top - 5) / 5).toBeLessThan(0.01);
  });

  it('three stacked boxes come to rest one above the other and fall asleep', () => {
    const { world } = groundWorld();
    const boxes = [0, 1, 2].map((i) => {
      const b = world.createBody({ type: 'dynamic', position: { x: 0.1 * i, y: 0.55 + 1.1 * i } });
      b.createFixture({ shape: PolygonShape.box(0.5, 0.5), density: 1, friction: 0.6 });
      return b;
    });
    for (let i = 0; i < 600 && boxes.some((b) => b.isAwake()); i++) world.step(1 / 60, 8, 3);
    expect(boxes.map((b) => b.isAwake())).toEqual([false, false, false]);
    boxes.forEach((b, i) => {
      // Each interface leaves the cores two skins minus the slop apart: 0.015 m.
      expect(Math.abs(b.position.y - (0.5 + i + 0.015 * (i + 1)))).toBeLessThan(3e-3);
      expect(Math.abs(b.position.x - 0.1 * i)).toBeLessThan(2e-3);
      expect(Math.abs(b.angle)).toBeLessThan(2e-3);
    });
  });

  it('begin and end events as the skins touch and separate', () => {
    const { world } = groundWorld();
    const box = dropBox(world, 1);
    const events: string[] = [];
    world.setContactListener({
      beginContact: (c) => events.push(`begin ${c.fixtureA.shape.kind}-${c.fixtureB.shape.kind}`),
      endContact: () => events.push('end'),
    });
    for (let i = 0; i < 60; i++) world.step(1 / 60, 8, 3);
    expect(events).toEqual(['begin edge-polygon']);
    box.applyLinearImpulse(0, 10 * box.mass, box.worldCenter.x, box.worldCenter.y);
    for (let i = 0; i < 10; i++) world.step(1 / 60, 8, 3);
    expect(events).toEqual(['begin edge-polygon', 'end']);
  });

  it.each([true, false])('continuous collision %s: a fast box does not tunnel through a thin edge', (ccd) => {
    const { world } = groundWorld({ continuousPhysics: ccd, gravity: 0 });
    const box = world.createBody({ type: 'dynamic', position: { x: 0, y: 1.5 }, linearVelocity: { x: 0, y: -120 } });
    box.createFixture({ shape: PolygonShape.box(0.1, 0.1), density: 1 });
    let begins = 0;
    world.setContactListener({ beginContact: () => begins++ });
    for (let i = 0; i < 5; i++) world.step(1 / 60, 8, 3);
    if (ccd) {
      // Stopped on top of the edge (inelastic), the contact seen during the TOI sub-step.
      expect(box.position.y).toBeGreaterThan(0.1);
      expect(box.position.y).toBeLessThan(0.13);
      expect(begins).toBe(1);
    } else {
      expect(box.position.y).toBeCloseTo(1.5 - 5 * 2, 12);
      expect(begins).toBe(0);
    }
  });
});

describe('revolute joint (Box2D 2.3)', () => {
  it('a pendulum swings with period 2π·sqrt(I_pivot / (m·g·d)) at small amplitude', () => {
    const world = new World({ gravity: { x: 0, y: G } });
    const pivot = world.createBody();
    const bob = world.createBody({ type: 'dynamic', position: { x: 0, y: -2 } });
    bob.createFixture({ shape: PolygonShape.box(0.1, 0.1), density: 1 });
    world.createJoint({ bodyA: pivot, bodyB: bob, localAnchorB: { x: 0, y: 2 } });
    bob.applyLinearImpulse(0.02 * bob.mass, 0, 0, -2);
    const h = 1 / 240;
    let prev = bob.worldCenter.x;
    const crossings: number[] = [];
    for (let i = 1; i <= 240 * 12; i++) {
      world.step(h, 8, 3);
      const x = bob.worldCenter.x;
      if (prev < 0 && x >= 0) crossings.push(i * h - (h * x) / (x - prev));
      prev = x;
    }
    const period = (crossings[crossings.length - 1] - crossings[0]) / (crossings.length - 1);
    const expected = 2 * Math.PI * Math.sqrt((bob.inertia + bob.mass * 4) / (bob.mass * -G * 2));
    expect(crossings.length).toBeGreaterThan(3);
    expect(Math.abs(period - expected) / expected).toBeLessThan(1e-4);
  });

  it('a limit holds a falling arm within angularSlop of the lower angle, and it comes to rest there', () => {
    const world = new World({ gravity: { x: 0, y: G } });
    const ground = world.createBody();
    const arm = world.createBody({ type: 'dynamic', position: { x: 1, y: 0 } });
    arm.createFixture({ shape: PolygonShape.box(1, 0.1), density: 1 });
    const joint = world.createJoint({ bodyA: ground, bodyB: arm, localAnchorB: { x: -1, y: 0 }, enableLimit: true, lowerAngle: -0.25, upperAngle: 0.25 });
    let lowest = 0;
    for (let i = 0; i < 600 && arm.isAwake(); i++) {
      world.step(1 / 60, 8, 3);
      lowest = Math.min(lowest, joint.jointAngle);
      // The anchor stays on the pivot.
      const ax = arm.position.x - Math.cos(arm.angle), ay = arm.position.y - Math.sin(arm.angle);
      expect(Math.hypot(ax, ay)).toBeLessThan(b2Settings.LINEAR_SLOP);
    }
    expect(lowest).toBeGreaterThanOrEqual(-0.25 - b2Settings.ANGULAR_SLOP);
    expect(arm.isAwake()).toBe(false);
    expect(joint.jointAngle).toBeLessThan(-0.25);
    expect(joint.jointAngle).toBeGreaterThanOrEqual(-0.25 - b2Settings.ANGULAR_SLOP);
  });

  it('a torque-limited motor accelerates at τ/I, then holds its speed', () => {
    const world = new World({ gravity: { x: 0, y: 0 } });
    const ground = world.createBody();
    const wheel = world.createBody({ type: 'dynamic' });
    wheel.createFixture({ shape: PolygonShape.box(0.5, 0.5), density: 1 });
    world.createJoint({ bodyA: ground, bodyB: wheel, enableMotor: true, motorSpeed: 2, maxMotorTorque: 0.1 });
    const h = 1 / 60;
    for (let n = 1; n <= 10; n++) {
      world.step(h, 8, 3);
      expect(wheel.angularVelocity).toBeCloseTo((n * 0.1 * h) / wheel.inertia, 14);
    }
    for (let n = 0; n < 300; n++) world.step(h, 8, 3);
    expect(wheel.angularVelocity).toBeCloseTo(2, 14);
    expect(wheel.position.x).toBeCloseTo(0, 14);
  });
});

describe('world bookkeeping', () => {
  it("numbers broad-phase proxies as b2DynamicTree does in a fresh world: 0, 1, 3, 5, ...", () => {
    const { world, ground } = groundWorld();
    ground.createFixture({ shape: new EdgeShape(0, 1, 1, 1) });
    const box = dropBox(world, 3);
    expect([...ground.fixtures, ...box.fixtures].map((f) => f.proxyId)).toEqual([0, 1, 3]);
  });

  it('lists contacts newest first, created in sorted proxy-pair order', () => {
    const world = new World({ gravity: { x: 0, y: 0 } });
    const ground = world.createBody();
    for (let i = 0; i < 3; i++) ground.createFixture({ shape: new EdgeShape(i, 0, i + 1, 0), userData: i });
    const box = world.createBody({ type: 'dynamic', position: { x: 1.5, y: 0.4 } });
    box.createFixture({ shape: PolygonShape.box(1.2, 0.2), density: 1 });
    world.step(1 / 60, 8, 3);
    // Pairs (0,5), (1,5), (3,5) are created in that order and each is prepended.
    expect(world.contacts.map((c) => c.fixtureA.userData)).toEqual([2, 1, 0]);
  });

  it('refuses bad arguments with one line naming them', () => {
    const world = new World();
    expect(() => world.step(-1)).toThrow('World.step: dt must be a finite number >= 0, got -1');
    expect(() => world.step(0.1, 2.5)).toThrow('velocityIterations must be an integer >= 0, got 2.5');
    expect(() => world.createBody({ type: 'kinematic' as 'dynamic' })).toThrow('BodyDef: type must be "static" or "dynamic"');
    const a = world.createBody();
    expect(() => world.createJoint({ bodyA: a, bodyB: a })).toThrow('bodyA and bodyB must be different bodies');
    expect(() => a.createFixture({ shape: PolygonShape.box(1, 1), friction: -1 })).toThrow('FixtureDef: friction must be a finite number >= 0, got -1');
    const { world: w2 } = groundWorld();
    dropBox(w2, 0.5);
    w2.setContactListener({ beginContact: () => void w2.createBody() });
    expect(() => w2.step(1 / 60)).toThrow('World.createBody: the world is locked during step()');
  });
});
