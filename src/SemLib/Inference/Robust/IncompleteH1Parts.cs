using System.Runtime.CompilerServices;
using SemLib.Data;
using SemLib.LinearAlgebra;

namespace SemLib.Inference;

/// <summary>
/// The unstructured (h1) information of one group's incomplete rows at the EM moments μ̂, Σ̂ (the saturated model,
/// <see cref="GroupSample.H1"/>), in the moments (μ, vech Σ) of lavaan's order, per observation:
/// <list type="bullet">
/// <item>A1 = W_m, the observed information (<see cref="MissingDataInformation"/>, lavaan's
/// <c>lav_mvnorm_missing_information_observed_samplestats</c> at the EM moments);</item>
/// <item>B1 = J, the first-order information: the cross-product of the saturated model's casewise scores
/// (∂ℓ_i/∂μ = u_i, ∂ℓ_i/∂σ_ab = s_ab(u_iu_iᵀ − C_k)_ab with s = ½ on the diagonal, <see cref="IncompleteCaseDerivatives"/>)
/// over N — with a cluster column the scores are summed within clusters first and J multiplied by G/(G − 1), as
/// lavaan's <c>lav_mvnorm_missing_information_firstorder</c>;</item>
/// <item>W_c, the complete-data (normal-theory) information at the same moments.</item>
/// </list>
/// Under fixed.x the exogenous covariates' own moments are zeroed in all of them and left out of the inverse (lavaan's
/// x.idx and zero.idx). The Yuan–Bentler (Mplus) h1 part is tr(A1⁻¹B1) over the moments kept (their count is ndat).
/// They depend on the data only: computed once per group and exogenous set, and shared by the model, its baseline and
/// the FIML-corrected fit measures.
/// </summary>
internal sealed class IncompleteH1Parts
{
    private static readonly ConditionalWeakTable<GroupSample, Dictionary<string, IncompleteH1Parts>> Cache = new();

    private readonly GroupSample _sample;
    private readonly Lazy<double[]?> _firstOrder;
    private readonly Lazy<double[]?> _complete;

    private IncompleteH1Parts(GroupSample sample, int size, int[] keep, bool[] exogenousMoment, double[] observed, double[] observedInverse)
    {
        _sample = sample;
        Size = size;
        Keep = keep;
        ExogenousMoment = exogenousMoment;
        Observed = observed;
        ObservedInverse = observedInverse;
        _firstOrder = new Lazy<double[]?>(ComputeFirstOrder);
        _complete = new Lazy<double[]?>(ComputeComplete);
    }

    /// <summary>Number of moments p + p(p + 1)/2.</summary>
    public int Size { get; }

    /// <summary>The moments kept (not the exogenous covariates' own).</summary>
    public int[] Keep { get; }

    /// <summary>Whether each moment belongs to the exogenous covariates alone.</summary>
    public bool[] ExogenousMoment { get; }

    /// <summary>W_m = A1 (Size × Size, exogenous rows and columns zero).</summary>
    public double[] Observed { get; }

    /// <summary>W_m⁻¹ of the kept moments, embedded in Size × Size with zeros elsewhere.</summary>
    public double[] ObservedInverse { get; }

    /// <summary>J = B1 (Size × Size, exogenous rows and columns zero); null when a pattern's Σ̂_oo is not positive definite.</summary>
    public double[]? FirstOrder => _firstOrder.Value;

    /// <summary>W_c (Size × Size, exogenous rows and columns zero); null when Σ̂ is not positive definite.</summary>
    public double[]? Complete => _complete.Value;

    /// <summary>tr(A1⁻¹B1) and ndat, lavaan's h1 part of the Yuan–Bentler (Mplus) trace; NaN when B1 cannot be computed.</summary>
    public (double Trace, int Ndat) YuanBentlerH1()
    {
        var j = FirstOrder;
        return (j is null ? double.NaN : Dense.Dot(ObservedInverse, j), Keep.Length);
    }

    /// <summary>The parts of <paramref name="sample"/> (a FIML group) with the exogenous covariates at <paramref name="exogenous"/>; null when W_m is singular.</summary>
    public static IncompleteH1Parts? Get(GroupSample sample, IReadOnlyList<int> exogenous)
    {
        string key = string.Join(",", exogenous.Order());
        var byKey = Cache.GetOrCreateValue(sample);
        lock (byKey)
        {
            if (byKey.TryGetValue(key, out var known)) return known;
            var parts = Create(sample, exogenous);
            if (parts is not null) byKey[key] = parts;
            return parts;
        }
    }

    private static IncompleteH1Parts? Create(GroupSample sample, IReadOnlyList<int> exogenous)
    {
        var h1 = sample.H1 ?? throw new InvalidOperationException("The h1 parts of incomplete rows need a full-information sample.");
        int p = sample.P, size = MomentCovariance.MomentCount(p, true);
        var exo = exogenous.ToHashSet();
        var isExo = new bool[size];
        for (int i = 0; i < p; i++) isExo[i] = exo.Contains(i);
        for (int b = 0; b < p; b++)
            for (int a = b; a < p; a++) isExo[p + MomentCovariance.VechIndex(p, a, b)] = exo.Contains(a) && exo.Contains(b);
        var keep = Enumerable.Range(0, size).Where(i => !isExo[i]).ToArray();
        var observed = MissingDataInformation.Observed(sample.Patterns!, h1.Mean, h1.Covariance)?.AsColumnMajorArray();
        if (observed is null) return null;
        ZeroExogenous(observed, isExo, size);
        int nk = keep.Length;
        var kept = new double[nk * nk];
        for (int i = 0; i < nk; i++)
            for (int j = 0; j < nk; j++) kept[i * nk + j] = observed[keep[i] * size + keep[j]];
        var inverseKept = new double[nk * nk];
        if (!Dense.InvertSpd(kept, inverseKept, new double[2 * nk * nk], nk, out _)) return null;
        var inverse = new double[size * size];
        for (int i = 0; i < nk; i++)
            for (int j = 0; j < nk; j++) inverse[keep[i] * size + keep[j]] = inverseKept[i * nk + j];
        return new IncompleteH1Parts(sample, size, keep, isExo, observed, inverse);
    }

    private static void ZeroExogenous(double[] m, bool[] isExo, int size)
    {
        for (int i = 0; i < size; i++)
            if (isExo[i])
                for (int j = 0; j < size; j++) m[i * size + j] = m[j * size + i] = 0;
    }

    private double[]? ComputeComplete()
    {
        var w = NormalTheoryWeight.Compute(_sample.H1!.Covariance, _sample.P, true)?.AsColumnMajorArray(); // symmetric
        if (w is not null) ZeroExogenous(w, ExogenousMoment, Size);
        return w;
    }

    private double[]? ComputeFirstOrder()
    {
        var h1 = _sample.H1!;
        var rows = _sample.Rows!;
        int p = _sample.P, size = Size, n = rows.Length;
        var cases = IncompleteCaseDerivatives.Create(rows, _sample.Patterns!, h1.Mean, h1.Covariance);
        if (cases is null) return null;
        var scores = new double[n * size];
        var u = new double[p];
        for (int i = 0; i < n; i++)
        {
            int k = cases.Case(i, u);
            var c = cases.PatternMatrix(k);
            var s = scores.AsSpan(i * size, size);
            u.CopyTo(s);
            for (int b = 0, t = p; b < p; b++)
            {
                double ub = u[b];
                for (int a = b; a < p; a++, t++)
                {
                    double v = u[a] * ub - c[a * p + b];
                    s[t] = a == b ? 0.5 * v : v;
                }
            }
            for (int t = 0; t < size; t++)
                if (ExogenousMoment[t]) s[t] = 0;
        }
        return CasewiseScores.FirstOrder(scores, n, size, _sample.Clusters, _sample.ClusterCount);
    }
}
