namespace Catalog.Domain.Policies;

/// <summary>A rule a policy breaks, naming the field to fix so forms and APIs can point at it.</summary>
public sealed record PolicyViolation(string Field, string Message);
