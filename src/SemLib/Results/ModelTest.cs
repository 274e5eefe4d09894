using SemLib.Estimation;

namespace SemLib.Results;

/// <summary>
/// One model test statistic, as lavaan lists them in <c>fit@test</c>: the standard χ² first, then a robust one
/// (scaled, or scaled and shifted) when the estimator or <see cref="Specification.ModelOptions.Test"/> asks for it.
/// </summary>
/// <param name="Kind">Which test.</param>
/// <param name="Statistic">The statistic (for a scaled test: the standard χ² divided by <paramref name="ScalingFactor"/>, plus any shift).</param>
/// <param name="Df">Its degrees of freedom.</param>
/// <param name="PValue">Its upper-tail p-value under the χ² reference distribution; NaN when it has none (ULS).</param>
/// <param name="ScalingFactor">The scaling factor c (statistic = χ²/c), or NaN for the standard test.</param>
/// <param name="ShiftParameter">The shift of a scaled-and-shifted test, or NaN.</param>
public sealed record ModelTest(TestType Kind, double Statistic, double Df, double PValue, double ScalingFactor, double ShiftParameter)
{
    /// <summary>lavaan's name of the test (<c>"standard"</c>, <c>"satorra.bentler"</c>, <c>"yuan.bentler.mplus"</c>, ...).</summary>
    public string Name => NameOf(Kind);

    /// <summary>lavaan's name of a test type.</summary>
    public static string NameOf(TestType kind) => kind switch
    {
        TestType.Standard => "standard",
        TestType.SatorraBentler => "satorra.bentler",
        TestType.YuanBentlerMplus => "yuan.bentler.mplus",
        TestType.YuanBentler => "yuan.bentler",
        TestType.ScaledShifted => "scaled.shifted",
        _ => kind.ToString(),
    };
}
