import { createContext, useContext } from "react";

// The per-response CSP nonce, given to Remix's inline scripts. In the browser it is empty: browsers hide
// nonce attributes from the DOM, and the scripts have already run.
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
