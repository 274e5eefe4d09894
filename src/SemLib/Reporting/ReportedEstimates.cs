using SemLib.Results;
using SemLib.Syntax;

namespace SemLib.Reporting;

/// <summary>Which estimates the documents and the diagrams show, and how they name a group.</summary>
internal static class ReportedEstimates
{
    /// <summary>A covariance of two different variables that the model states: not a variance, and not a covariance
    /// fixed at zero (which states that there is none). The covariance table lists these; the diagram draws them.</summary>
    internal static bool IsCovariance(ParameterEstimate p) => p.Op == ModelOperator.Covariance && p.Lhs != p.Rhs && !(p.Free == false && p.Estimate == 0);

    /// <summary>A group as lavaan's summary heads it: "Group 1 [Pasteur]".</summary>
    internal static string GroupName(SemFit fit, int group) => $"Group {group} [{fit.GroupLabels[group - 1]}]";
}
