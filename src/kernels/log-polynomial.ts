// The polynomial of fdlibm's e_log.c that both logs (the network's in exp-log.ts, Math.log's in
// fdlibm-log.ts) evaluate: log(1 + f) = f - hfsq + s (hfsq + R), with
// R = z (LG1 + w (LG3 + w (LG5 + w LG7))) + w (LG2 + w (LG4 + w LG6)), z = s^2, w = z^2.

export const LG1 = 6.666666666666735130e-01;
export const LG2 = 3.999999999940941908e-01;
export const LG3 = 2.857142874366239149e-01;
export const LG4 = 2.222219843214978396e-01;
export const LG5 = 1.818357216161805012e-01;
export const LG6 = 1.531383769920937332e-01;
export const LG7 = 1.479819860511658591e-01;
