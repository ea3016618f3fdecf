// What each answer the customer gives does to the draft and to the marks on the fields.
import type { Dispatch, SetStateAction } from 'react';
import type { Catalog, CatalogField, Locale, SubjectType } from '../catalog';
import {
  documentOf,
  tidyValue,
  withContactPrefill,
  withDocument,
  withFieldValue,
  withKind,
  withOwnerVerified,
  type Draft,
  type Errors,
} from '../draft';
import { contactProblems, fieldProblem } from '../validation';

type ContactKey = 'name' | 'email' | 'phone';

export const withoutKeys = (errors: Errors, drop: (key: string) => boolean): Errors =>
  Object.fromEntries(Object.entries(errors).filter(([key]) => !drop(key)));

interface Answers {
  catalog: Catalog;
  /** The fields of the appeal as chosen so far. */
  fields: readonly CatalogField[];
  draft: Draft;
  setDraft: Dispatch<SetStateAction<Draft>>;
  errors: Errors;
  setErrors: Dispatch<SetStateAction<Errors>>;
}

/** The steps' change and blur handlers, for the draft and errors of this render. */
export function answerEdits({ catalog, fields, draft, setDraft, errors, setErrors }: Answers) {
  const setField = (field: CatalogField, value: string) => {
    setDraft((d) => withContactPrefill(withFieldValue(d, field, value), fields));
    const key = `fields.${field.key}`;
    // A field already marked is checked again as the customer types, so the mark goes as soon as it is right.
    if (errors[key]) {
      const problem = fieldProblem(field, value, undefined, documentOf(field, draft.fields));
      setErrors((current) => (problem ? { ...current, [key]: problem } : withoutKeys(current, (k) => k === key)));
    }
  };

  const blurField = (field: CatalogField) => {
    const value = draft.fields[field.key] ?? '';
    const tidy = tidyValue(field, value);
    if (tidy !== value) setDraft((d) => withContactPrefill(withFieldValue(d, field, tidy), fields));
    const key = `fields.${field.key}`;
    // An untouched empty field is not an error yet; it becomes one when the customer tries to go on.
    const problem = tidy.trim() === '' && !errors[key] ? null : fieldProblem(field, tidy, undefined, documentOf(field, draft.fields));
    setErrors((current) => (problem ? { ...current, [key]: problem } : withoutKeys(current, (k) => k === key)));
  };

  // A number already typed is judged again by the newly chosen document's rule.
  const chooseDocument = (field: CatalogField, document: string) => {
    const next = withDocument(draft, field, document);
    setDraft((d) => withDocument(d, field, document));
    const key = `fields.${field.key}`;
    const value = draft.fields[field.key] ?? '';
    const problem = value.trim() === '' && !errors[key] ? null : fieldProblem(field, value, undefined, documentOf(field, next.fields));
    setErrors((current) => (problem ? { ...current, [key]: problem } : withoutKeys(current, (k) => k === key)));
  };

  const checkContact = (contact: Draft['contact'], key: ContactKey, force: boolean) => {
    const found = contactProblems(contact);
    setErrors((current) => {
      const own = found[key];
      // A field is marked when the customer leaves it wrong, and stays marked only while it is still wrong.
      const mark = own && (force || current[`contact.${key}`] !== undefined);
      let nextErrors = withoutKeys(current, (k) => k === `contact.${key}`);
      if (mark) nextErrors = { ...nextErrors, [`contact.${key}`]: own };
      // "email or phone" clears as soon as either is given, and is only raised again on Next.
      if (!found.contact) nextErrors = withoutKeys(nextErrors, (k) => k === 'contact');
      return nextErrors;
    });
  };

  const setContact = (key: ContactKey, value: string) => {
    const contact = { ...draft.contact, [key]: value };
    // A name or phone the customer types is theirs: the prefill from the fields above stops for it.
    setDraft((d) => ({ ...d, contact: { ...d.contact, [key]: value }, ...(key !== 'email' && { typed: { ...d.typed, [key]: true } }) }));
    checkContact(contact, key, false);
  };

  const blurContact = (key: ContactKey) => {
    const value = draft.contact[key].trim();
    const contact = { ...draft.contact, [key]: value };
    if (value !== draft.contact[key]) setDraft((d) => ({ ...d, contact: { ...d.contact, [key]: value } }));
    checkContact(contact, key, value !== '');
  };

  return {
    setField,
    blurField,
    chooseDocument,
    setContact,
    blurContact,
    setContactLocale: (contactLocale: Locale) => setDraft((d) => ({ ...d, contact: { ...d.contact, locale: contactLocale } })),
    chooseKind: (key: string) => {
      setDraft((d) => withKind(catalog, d, key));
      setErrors((current) => withoutKeys(current, (k) => k === 'kind' || k === 'subjectType' || k === 'variant'));
    },
    chooseSubjectType: (subjectType: SubjectType) => {
      setDraft((d) => ({ ...d, subjectType }));
      setErrors((current) => withoutKeys(current, (k) => k === 'subjectType'));
    },
    chooseVariant: (variant: string) => {
      setDraft((d) => ({ ...d, variant }));
      setErrors((current) => withoutKeys(current, (k) => k === 'variant'));
    },
    ownerVerified: (accountId: string, verified: { proof: string; expiresInSeconds: number }) => {
      setDraft((d) => withOwnerVerified(d, accountId, verified.proof, verified.expiresInSeconds, Date.now()));
      setErrors((current) => withoutKeys(current, (k) => k === 'ownerProof'));
    },
  };
}
