/** The one shape every error response has, whatever went wrong. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details: unknown;
  };
}

export function errorBody(code: string, message: string, details: unknown = null): ErrorBody {
  return { error: { code, message, details } };
}
