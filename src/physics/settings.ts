// Box2D 2.3 tuning constants (Common/b2Settings.h), in metres, seconds and radians.

/** Collision and constraint tolerance: contacts rest this far inside each other's skins. */
export const LINEAR_SLOP = 0.005;
export const ANGULAR_SLOP = (2 / 180) * Math.PI;
/** Skin around polygons and edges. */
export const POLYGON_RADIUS = 2 * LINEAR_SLOP;
/** Margin of a proxy's fat AABB in the broad phase. */
export const AABB_EXTENSION = 0.1;
/** Fat AABBs are stretched by this multiple of the last displacement. */
export const AABB_MULTIPLIER = 2;
export const MAX_MANIFOLD_POINTS = 2;
/** pybox2d's value (upstream 2.3 has 8): also bounds the TOI push-back loop. */
export const MAX_POLYGON_VERTICES = 16;
/** TOI events per contact per step. */
export const MAX_SUB_STEPS = 8;
export const MAX_TOI_CONTACTS = 32;
export const MAX_TOI_ITERATIONS = 20;
export const MAX_DISTANCE_ITERATIONS = 20;
/** Relative normal speed below which collisions are inelastic. */
export const VELOCITY_THRESHOLD = 1;
export const MAX_LINEAR_CORRECTION = 0.2;
export const MAX_ANGULAR_CORRECTION = (8 / 180) * Math.PI;
/** Largest translation per step (velocity is clamped to MAX_TRANSLATION / dt). */
export const MAX_TRANSLATION = 2;
export const MAX_ROTATION = 0.5 * Math.PI;
export const BAUMGARTE = 0.2;
export const TOI_BAUMGARTE = 0.75;
export const TIME_TO_SLEEP = 0.5;
export const LINEAR_SLEEP_TOLERANCE = 0.01;
export const ANGULAR_SLEEP_TOLERANCE = (2 / 180) * Math.PI;
/** FLT_EPSILON: Box2D's thresholds are stated in float32 terms even though we compute in float64. */
export const EPSILON = 1.1920928955078125e-7;
