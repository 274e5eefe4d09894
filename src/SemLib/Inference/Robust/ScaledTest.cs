using SemLib.Estimation;
using SemLib.Results;

namespace SemLib.Inference;

/// <summary>
/// A robust (scaled) model test with what the robust fit measures need besides the statistic: tr(UΓ) (lavaan's
/// <c>trace.UGamma</c>, the df of <c>rmsea.scaled</c>) and, for the Yuan–Bentler (Mplus) test, the h1 and h0 parts
/// of the scaling factor (<c>scaling.factor.h1</c> = tr(A1⁻¹B1)/ndat, <c>scaling.factor.h0</c> = tr(E⁻¹B0)/npar).
/// </summary>
internal sealed record ScaledTest(TestType Kind, double ChiSquare, double Df, double ScalingFactor, double TraceUGamma,
    double ScalingFactorH1 = double.NaN, double ScalingFactorH0 = double.NaN)
{
    /// <summary>The h1 part Σ_g tr(A1_g⁻¹B1_g) and its moment count of a Yuan–Bentler test, or null: it depends on the
    /// data only, so the baseline model's test reuses the model's.</summary>
    public (double Trace, int Ndat)? H1 { get; init; }

    /// <summary>The shift b of a scaled-shifted test (statistic χ²/c + b; lavaan's <c>shift.parameter</c>), 0 otherwise.</summary>
    public double Shift { get; init; }

    /// <summary>χ²/c (+ b when shifted); the standard χ² when c is not available (df = 0), as lavaan.</summary>
    public double Statistic => Df > 0 && double.IsFinite(ScalingFactor) ? ChiSquare / ScalingFactor + Shift : Df > 0 ? double.NaN : ChiSquare;

    /// <summary>1 − F_χ²(statistic; df), lavaan's form; NaN when df = 0.</summary>
    public double PValue => Df > 0 && double.IsFinite(Statistic) ? 1 - MathNet.Numerics.Distributions.ChiSquared.CDF(Df, Statistic) : double.NaN;

    public ModelTest ToModelTest() => new(Kind, Statistic, Df, PValue, ScalingFactor, Kind == TestType.ScaledShifted ? Shift : double.NaN);
}
