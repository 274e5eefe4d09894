using SemLib.Data;
using SemLib.Results;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.MeasurementInvariance;

/// <summary>The result of <see cref="Invariance.PathDifferences(string, DataSet, ModelOptions, int)"/>.</summary>
/// <param name="Free">The model with the paths free in every group (the options' own group.equal, if any).</param>
/// <param name="Paths">One comparison per regression path that is free in every group and not labelled by the user.</param>
/// <param name="Warnings">Non-convergence of an equal-path model, and the free model's warnings.</param>
public sealed record PathComparison(SemFit Free, IReadOnlyList<PathDifference> Paths, IReadOnlyList<FitWarning> Warnings);
