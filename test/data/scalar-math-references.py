# Writes scalar-math-references.json: log, tanh and pow correctly rounded from 80-digit decimal
# arithmetic (float() of a Decimal rounds to nearest). Run: python3 scalar-math-references.py
import json
from decimal import Decimal, getcontext

getcontext().prec = 80

def tanh(x):
    if abs(x) < Decimal('1e-5'):
        # Taylor series: the subtraction below would cancel.
        x2 = x * x
        return x * (1 - x2 / 3 + 2 * x2 * x2 / 15 - 17 * x2 ** 3 / 315 + 62 * x2 ** 4 / 2835)
    e = (2 * x).exp()
    return (e - 1) / (e + 1)

LOG_XS = [5e-324, 1e-310, 2.2250738585072014e-308, 1e-300, 1e-20, 1e-8, 0.001, 0.1, 0.5, 0.7071067811865476,
          0.9, 0.999, 1 - 2 ** -53, 1 + 2 ** -52, 1.0000001, 1.5, 2, 2.718281828459045, 3, 10, 1e10, 1e300,
          1.7976931348623157e308]
TANH_XS = [1e-300, 1e-9, 1e-6, 0.001, 0.1, 0.25, 0.5, 0.54, 0.55, 0.9, 1, 1.2, 1.5, 1.9, 2, 3, 5, 10, 18, 19.5,
           21.9, -0.3, -1.7]
POW_XY = [[0.9, 1], [0.9, 3], [0.9, 10], [0.9, 100], [0.9, 1000], [0.9, 7000], [0.999, 7], [0.999, 1000],
          [0.999, 100000], [0.999, 1000000], [2.5, 0.5], [10, -3], [1.0001, 12345], [3, 1.5], [0.5, 1074.5],
          [7, 364.5], [1e-5, 0.3], [123.456, -7.89]]

def rows(f, xs):
    return [[x, float(f(Decimal(x)))] for x in xs]

tables = {
    'log': rows(lambda d: d.ln(), LOG_XS),
    'tanh': rows(tanh, TANH_XS),
    'pow': [[x, y, float((Decimal(y) * Decimal(x).ln()).exp())] for x, y in POW_XY],
}
note = 'log, tanh and pow correctly rounded from 80-digit decimal arithmetic; made by scalar-math-references.py'
with open(__file__.replace('.py', '.json'), 'w') as out:
    out.write('{\n  "note": ' + json.dumps(note))
    for name, table in tables.items():
        out.write(',\n  "' + name + '": [\n' + ',\n'.join('    ' + json.dumps(r) for r in table) + '\n  ]')
    out.write('\n}\n')
