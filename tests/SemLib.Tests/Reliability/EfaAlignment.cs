using SemLib.Reliability;

namespace SemLib.Tests.Reliability;

/// <summary>Matches our factors to a reference solution's: the column permutation and signs that minimise the
/// squared loading differences (factor order and sign are arbitrary in EFA).</summary>
internal static class EfaAlignment
{
    public static (int[] Permutation, int[] Signs) Align(double[,] reference, LabeledMatrix ours)
    {
        int m = reference.GetLength(1), p = reference.GetLength(0);
        int[]? bestPerm = null; int[]? bestSigns = null; double best = double.PositiveInfinity;
        foreach (var perm in Permutations(Enumerable.Range(0, m).ToArray()))
        {
            var signs = new int[m];
            double total = 0;
            for (int j = 0; j < m; j++)
            {
                double plus = 0, minus = 0;
                for (int i = 0; i < p; i++)
                {
                    plus += Math.Pow(reference[i, j] - ours[i, perm[j]], 2);
                    minus += Math.Pow(reference[i, j] + ours[i, perm[j]], 2);
                }
                signs[j] = plus <= minus ? 1 : -1;
                total += Math.Min(plus, minus);
            }
            if (total < best) { best = total; bestPerm = perm; bestSigns = signs; }
        }
        return (bestPerm!, bestSigns!);
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1) { yield return items; yield break; }
        for (int i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, k) => k != i).ToArray();
            foreach (var tail in Permutations(rest)) yield return [items[i], .. tail];
        }
    }
}
