export type Comparison = '>' | '>=' | '<' | '<=' | '==' | '!=';

export function compare(left: number, op: Comparison, right: number): boolean {
  switch (op) {
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '==':
      return left === right;
    case '!=':
      return left !== right;
  }
}
