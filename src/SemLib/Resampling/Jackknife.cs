namespace SemLib.Resampling;

/// <summary>
/// The jackknife (leave one row out) estimate of the BCa acceleration (Efron 1987):
/// a = Σ(θ̄ − θ₍ᵢ₎)³ / (6·[Σ(θ̄ − θ₍ᵢ₎)²]^{3/2}), one value per bootstrapped statistic.
/// </summary>
internal static class Jackknife
{
    public static double[] Acceleration(Bootstrap.Plan plan, double[][][] rows, int? threads)
    {
        var jobs = new List<(int Group, int Left)>();
        for (int g = 0; g < rows.Length; g++)
            for (int i = 0; i < rows[g].Length; i++) jobs.Add((g, i));
        var results = new double[]?[jobs.Count];
        var po = new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount };
        Parallel.For(0, jobs.Count, po, () => plan.NewWorker(), (k, _, worker) =>
        {
            var (group, left) = jobs[k];
            var counts = new int[rows.Length];
            for (int g = 0; g < rows.Length; g++)
            {
                // Every row of the group but the one left out, in the worker's index buffer.
                var idx = worker.Indices[g];
                int n = 0;
                for (int i = 0; i < idx.Length; i++)
                    if (g != group || i != left) idx[n++] = i;
                counts[g] = n;
            }
            var (session, _) = plan.Prepare(worker, rows, counts);
            results[k] = session is null ? null : Bootstrap.Plan.Statistics(plan, session);
            return worker;
        }, _ => { });
        var ok = results.Where(r => r is not null).Select(r => r!).ToList();
        int m = plan.Names.Count;
        var a = new double[m];
        if (ok.Count < 3) return a;
        for (int j = 0; j < m; j++)
        {
            double mean = ok.Average(r => r[j]);
            double s2 = 0, s3 = 0;
            foreach (var r in ok)
            {
                double d = mean - r[j];
                s2 += d * d;
                s3 += d * d * d;
            }
            a[j] = s2 > 0 ? s3 / (6 * Math.Pow(s2, 1.5)) : 0;
        }
        return a;
    }
}
