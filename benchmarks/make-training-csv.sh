#!/usr/bin/env bash
# Writes the training benchmarks' CSV: ROWS rows x 10 numeric features, 3 classes, seeded.
# Usage: benchmarks/make-training-csv.sh ROWS OUT.csv
set -euo pipefail
awk -v rows="$1" 'BEGIN {
  srand(42);
  printf "f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,label\n";
  for (i = 0; i < rows; i++) {
    c = int(rand() * 3);
    for (f = 1; f <= 10; f++) {
      # Each class shifts the features differently; noise makes it a real task.
      printf "%.4f,", (rand() - 0.5) * 2 + c * (f % 3 == c ? 1.0 : 0.2);
    }
    printf "class%d\n", c;
  }
}' >"$2"
